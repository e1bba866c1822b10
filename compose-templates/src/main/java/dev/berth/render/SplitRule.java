package dev.berth.render;

import dev.berth.answers.RuleId;

/** What only splitting a stack across hosts finds wrong with valid answers (issue 17). */
public enum SplitRule implements RuleId {
    /** Backups are on for a stack on several hosts: one backup would miss the other hosts' settings. */
    BACKUP_WITH_HOSTS,
    /** The storage host has no address the others can mount the media from. */
    STORAGE_HOST_ADDRESS
}
