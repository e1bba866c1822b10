#!/bin/sh
# jpackage's post-image script for Linux and macOS (installers/build copies it into the resource
# folder as Berth-post-image.sh and fills in @JAR_TIME@). jpackage runs it in its own copy of the
# app image, just before that copy becomes the .deb, .rpm or .dmg.
#
# Why: the AOT cache only works with the very class-path jars it was trained with, which the JVM
# checks by size and modification time. jpackage copies the image without keeping modification
# times, so this puts back the time every jar had during the training run (@JAR_TIME@, seconds
# since 1970); dpkg, rpm and the .dmg then keep it when Berth is installed.
set -e
find . -path '*/app/*' -name '*.jar' -exec perl -e '$t = shift; utime($t, $t, @ARGV) == @ARGV or die "utime: $!\n"' @JAR_TIME@ {} +
