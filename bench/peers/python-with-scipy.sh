# Sourced by the peer scripts: sets py to $PYTHON, or to the first of python3 and /usr/bin/python3 that imports scipy
# (a pyenv shim on PATH may lack it where Debian's python3-scipy is installed), or exits with what to install.
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for c in python3 /usr/bin/python3; do
    if "$c" -c 'import scipy' 2>/dev/null; then py="$c"; break; fi
  done
fi
[ -n "$py" ] || { echo "no python with scipy (apt-get update && apt-get install -y python3-scipy, or PYTHON=...)" >&2; exit 1; }
