
# ---------------------------------------------------------------------------------------------
# Everything below is the same for every stack; the settings above are this stack's.
#
# restic runs in its own container (nothing to install on this server), as root there so it
# reads every app's files whatever their owner, with each folder mounted at its own path so the
# snapshots hold this server's real paths. Lines starting with "berth-backup: " are for Berth;
# the rest is restic's own output.
# ---------------------------------------------------------------------------------------------
set -u
umask 077
NL='
'

say() { echo "berth-backup: $*"; }

TMP=$(mktemp -d) || exit 1
RUN=restic
STOPPED_NOW=""
STOPPED_IDS=""
cleanup() {
    start_apps
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs restic in its container with the repository, the password, the cache and the mounts.
restic_run() {
    if [ -n "$SFTP_COMMAND" ]; then
        set -- -o "sftp.command=$SFTP_COMMAND" "$@"
    fi
    set -- "$IMAGE" "$@"
    if [ -n "$ENV_FILE" ]; then
        set -- --env-file "$ENV_FILE" "$@"
    fi
    old_ifs=$IFS
    IFS=$NL
    set -f
    # --mount, not -v: a folder that is missing (a disk not mounted) is an error, never an empty
    # folder Docker makes in its place.
    for m in $MOUNTS; do
        set -- --mount "type=bind,source=$m,target=$m" "$@"
    done
    set +f
    IFS=$old_ifs
    # --pid host: restic records its process id in each lock it takes, and takes a lock of this
    # host whose process is gone for stale ("restic unlock" removes it). In a container of its own
    # every restic would be process 1, so a lock left by a killed run would look alive for 30
    # minutes and block the next check and prune. The labels let Berth find a backup's restic to
    # stop it cleanly (SIGINT: restic removes its lock) when the person cancels.
    docker run --rm --network host --pid host --hostname "$HOST" \
        --label "dev.berth.backup.stack=$STACK" --label "dev.berth.backup.run=$RUN" \
        -e RESTIC_REPOSITORY="$REPOSITORY" \
        -e RESTIC_PASSWORD_FILE="$STACK/secrets/restic_password" \
        -e RESTIC_CACHE_DIR="$STACK/.berth/restic-cache" \
        -e TZ="$TIME_ZONE" \
        "$@"
}

# Runs "$@" followed by every backed-up folder.
with_paths() {
    old_ifs=$IFS
    IFS=$NL
    set -f
    set -- "$@" $PATHS
    set +f
    IFS=$old_ifs
    "$@"
}

# Runs "$@", shows its output as it comes and keeps it in $TMP/out; returns its exit code.
logged() {
    { "$@" 2>&1; echo $? > "$TMP/rc"; } | tee "$TMP/out"
    return "$(cat "$TMP/rc")"
}

# restic's last "Fatal:" line, or its last line, for the record and Berth's message.
last_words() {
    words=$(grep -i 'fatal' "$TMP/out" | tail -n 1)
    [ -n "$words" ] || words=$(grep -v '^berth-backup: ' "$TMP/out" | grep -v '^[[:space:]]*$' | tail -n 1)
    printf '%s' "$words" | tr -d '\000-\037' | tr '"\\' "' "
}

# Writes .berth/<name>.json: when, whether it worked, the snapshot, how long apps were down, why not.
record() { # name ok snapshot seconds message
    mkdir -p "$STACK/.berth"
    printf '{"time":"%s","ok":%s,"snapshot":"%s","appsDownSeconds":%s,"message":"%s"}\n' \
        "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$2" "$3" "$4" "$5" > "$STACK/.berth/$1.json.new" \
        && mv -f "$STACK/.berth/$1.json.new" "$STACK/.berth/$1.json"
}

# One run at a time, whichever scheduler or person started it.
lock() {
    mkdir -p "$STACK/.berth"
    if command -v flock > /dev/null 2>&1; then
        exec 9>> "$STACK/.berth/backup.lock"
        if ! flock -n 9; then
            say "failed another backup of this stack is running"
            exit 75
        fi
    fi
}

# The running container of a compose service, by Compose's labels (docker-compose 1.29 and
# Compose v2 name containers differently).
running_container() {
    docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" | head -n 1
}

# Stops the apps that write databases at any moment, dependents first; only those running now,
# so an app the person stopped stays stopped.
stop_apps() {
    names=""
    ids=""
    for s in $STOPPED; do
        id=$(running_container "$s")
        if [ -n "$id" ]; then
            names="$names $s"
            ids="$ids $id"
        fi
    done
    [ -n "$names" ] || return 0
    say "stopping$names"
    STOPPED_NOW="$names"
    STOPPED_IDS="$ids"
    # shellcheck disable=SC2086
    docker stop -t 30 $ids > /dev/null
}

# Starts them again in reverse order; called on every way out, so a failed backup never leaves
# an app down.
start_apps() {
    [ -n "$STOPPED_NOW" ] || return 0
    reversed=""
    for s in $STOPPED_NOW; do
        reversed="$s $reversed"
    done
    reversed_ids=""
    for id in $STOPPED_IDS; do
        reversed_ids="$id $reversed_ids"
    done
    STOPPED_NOW=""
    STOPPED_IDS=""
    # shellcheck disable=SC2086
    docker start $reversed_ids > /dev/null
    say "started $reversed"
}

snapshot_in_output() {
    sed -n 's/^snapshot \([0-9a-f][0-9a-f]*\) saved.*$/\1/p' "$TMP/out" | tail -n 1
}

cmd_backup() {
    lock
    RUN=backup
    parent=""
    # BERTH_BACKUP_LIVE_PASS=0 takes one pass with the apps stopped (what ./bench backup compares).
    if [ -n "$STOPPED" ] && [ "${BERTH_BACKUP_LIVE_PASS:-1}" != 0 ]; then
        # The live pass reads everything while the apps run; the pass with them stopped then reads
        # only what changed since, so they are down for seconds, not for the whole copy.
        say "live-pass"
        logged with_paths restic_run backup --host "$HOST" --tag berth-live --exclude-file "$STACK/backup/excludes"
        live=$?
        if [ "$live" -eq 0 ]; then
            parent=$(snapshot_in_output)
        elif [ "$live" -eq 130 ]; then
            # restic was interrupted (Berth's cancel sends it SIGINT): stop before any app does.
            record last-backup false "" 0 "stopped before the snapshot, as asked"
            say "failed stopped before the snapshot, as asked"
            exit 130
        elif grep -qiE 'wrong password|no key found|repository does not exist|is there a repository|unable to open' "$TMP/out"; then
            record last-backup false "" 0 "$(last_words)"
            say "failed $(last_words)"
            exit 1
        fi
    fi
    down_since=$(date +%s)
    stop_apps
    logged with_paths restic_run backup --host "$HOST" --tag berth --exclude-file "$STACK/backup/excludes" \
        ${parent:+--parent "$parent"}
    rc=$?
    had_stopped=$STOPPED_NOW
    start_apps
    down=0
    [ -z "$had_stopped" ] || down=$(( $(date +%s) - down_since ))
    snapshot=$(snapshot_in_output)
    # restic's 3: the snapshot was made, but some files could not be read.
    if [ "$rc" -ne 0 ] && { [ "$rc" -ne 3 ] || [ -z "$snapshot" ]; }; then
        why=$(last_words)
        record last-backup false "" "$down" "$why"
        say "apps-down $down"
        say "failed $why"
        exit "$rc"
    fi
    say "snapshot $snapshot"
    say "apps-down $down"
    message=""
    [ "$rc" -eq 0 ] || message="some files could not be read: see the backup's output"
    record last-backup true "$snapshot" "$down" "$message"
    # Keeping D daily, W weekly and M monthly snapshots also drops the day's live pass. Another
    # restic holding the repository only delays this to the next run: the snapshot stands. A lock
    # left by a run that was killed would block the prune: remove those first (only stale ones).
    restic_run unlock > /dev/null 2>&1
    if ! logged restic_run forget --host "$HOST" --group-by host \
        --keep-daily "$KEEP_DAILY" --keep-weekly "$KEEP_WEEKLY" --keep-monthly "$KEEP_MONTHLY" --prune > /dev/null; then
        say "warning old snapshots were not removed this time: $(last_words)"
    fi
    exit 0
}

cmd_check() {
    lock
    restic_run unlock > /dev/null 2>&1
    logged restic_run check
    rc=$?
    if [ "$rc" -eq 0 ]; then
        record last-check true "" 0 ""
        say "checked"
        exit 0
    fi
    record last-check false "" 0 "$(last_words)"
    say "failed $(last_words)"
    exit "$rc"
}

# Opens the repository, or makes it when nothing is there. The deploy runs this (and the person,
# after fixing what stopped it); a backup never makes a repository, so a backup disk that is not
# mounted is reported, not filled.
cmd_init() {
    if [ "$KIND" = local ]; then
        parent_dir=$(dirname "$REPOSITORY")
        if [ ! -d "$parent_dir" ]; then
            say "failed the folder $parent_dir does not exist on this server: mount the backup disk there or create the folder"
            exit 1
        fi
    fi
    if logged restic_run cat config > /dev/null; then
        say "repository ready"
        exit 0
    fi
    if grep -qiE 'repository does not exist|is there a repository|unable to open config file|does not exist|no such file' "$TMP/out" \
        && ! grep -qiE 'wrong password|no key found' "$TMP/out"; then
        if logged restic_run init; then
            say "repository created"
            exit 0
        fi
    fi
    say "failed $(last_words)"
    exit 1
}

case "${1:-}" in
    backup) cmd_backup ;;
    check) cmd_check ;;
    init) cmd_init ;;
    restic) shift; restic_run "$@"; exit $? ;;
    *)
        echo "usage: berth-backup backup | check | init | restic ARGS..." >&2
        exit 2
        ;;
esac
