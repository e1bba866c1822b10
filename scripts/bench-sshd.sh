# Sourced by ./bench: starts a throwaway OpenSSH server on 127.0.0.1 for the SSH figures, logging
# in with a fresh key as a plain user in the docker group (berthbench, created if missing: a
# real server's user) and as root (as on many NAS and hypervisor hosts; root's shell start-up
# files here are heavy, so its figures show what each command costs). Session settings stay at
# OpenSSH's defaults (MaxSessions 10, root keys allowed). Exports where it is. Needs root (sshd,
# useradd) and /usr/sbin/sshd; otherwise the SSH rows are left out.
bench_sshd_start() {
  [ "$(id -u)" = 0 ] && [ -x /usr/sbin/sshd ] || return 0
  local dir port
  dir="$(mktemp -d)"
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 22222)"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/id_ed25519"
  cp "$dir/id_ed25519.pub" "$dir/authorized_keys"
  id berthbench >/dev/null 2>&1 || useradd -m -s /bin/bash -G docker berthbench
  usermod -p '*' berthbench  # no password, but not locked: sshd refuses locked accounts
  chmod 0755 "$dir"
  chmod 0644 "$dir/authorized_keys"
  mkdir -p /run/sshd
  cat >"$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
PasswordAuthentication no
UsePAM no
CONF
  /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log"
  echo "[127.0.0.1]:$port $(cut -d' ' -f1,2 "$dir/host_key.pub")" >"$dir/known_hosts"
  export BERTH_BENCH_SSH="berthbench@127.0.0.1:$port" BERTH_BENCH_SSH_ROOT="root@127.0.0.1:$port" BERTH_BENCH_SSH_KEY="$dir/id_ed25519" BERTH_BENCH_KNOWN_HOSTS="$dir/known_hosts"
  BENCH_SSHD_DIR="$dir"
  trap bench_sshd_stop EXIT
}

bench_sshd_stop() {
  [ -n "${BENCH_SSHD_DIR:-}" ] || return 0
  kill "$(cat "$BENCH_SSHD_DIR/sshd.pid" 2>/dev/null)" 2>/dev/null || true
  rm -rf "$BENCH_SSHD_DIR"
}
