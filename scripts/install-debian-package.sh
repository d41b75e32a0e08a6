#!/usr/bin/env bash
# Sourced by scripts/ensure-*.sh. as_root runs a command as root (directly, or through sudo);
# install_debian_package PACKAGE PURPOSE PATH_VARIABLE installs a Debian package with apt-get, or says
# how to do without it.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else return 1; fi
}

install_debian_package() {
  local package="$1" purpose="$2" path_variable="$3"
  echo "$package is missing: installing Debian's $package package for $purpose…"
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "Cannot install $package: run as root, or install it yourself (apt-get install $package) and set $path_variable." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  as_root apt-get install -y -qq --no-install-recommends "$package" >/dev/null
}
