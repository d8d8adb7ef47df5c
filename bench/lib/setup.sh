# Set-up shared by the bench scripts (source this file once ROOT and WORK are set).

# Installs Debian's package of each named tool that is missing (wrk, nginx, hugo: package and command share a name).
ensure_tools() {
  local tool sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  for tool in "$@"; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] && continue
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  done
}

# Sets SOURCE to the tree to build: this checkout, or with REV=<commit> a worktree of that commit (for before/after
# figures) that remove_source takes away again.
checkout_source() {
  SOURCE="$ROOT"
  if [ -n "${REV:-}" ]; then
    git -C "$ROOT" worktree add --detach "$WORK/source" "$REV" >/dev/null 2>&1
    SOURCE="$WORK/source"
  fi
}
remove_source() { [ -z "${REV:-}" ] || git -C "$ROOT" worktree remove --force "$WORK/source" 2>/dev/null || true; }
