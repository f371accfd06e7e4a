#!/usr/bin/env bash
# Installs the peers WriterBench measures beside its own strategies (peers/, strategies.d/):
#   - a Python venv at .venv-peers with PINNED versions from PyPI (OpenCV, PyAV, imageio-ffmpeg, numpy);
#   - Debian's GStreamer command line and the plugin sets that hold rawvideoparse, videoconvert, x264enc and mp4mux.
# Idempotent: an existing venv with the pinned versions and installed packages are left alone.
# Run as root (or with sudo available) for the Debian part. Set PEERS_SKIP_APT=1 to skip it.
set -euo pipefail
cd "$(dirname "$0")/.."

# Pins: bump deliberately, and re-measure the peer table when you do (README, "Peers and external writers").
pins=(
  numpy==2.4.6
  opencv-python-headless==5.0.0.93
  av==18.1.0
  imageio-ffmpeg==0.8.1
)
debian=(
  gstreamer1.0-tools
  gstreamer1.0-plugins-base
  gstreamer1.0-plugins-good
  gstreamer1.0-plugins-ugly
)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive

if [ "${PEERS_SKIP_APT:-0}" != 1 ]; then
  missing=()
  for p in "${debian[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Debian's python3 needs python3-venv for `python3 -m venv`.
  /usr/bin/python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "install-peers: installing Debian packages ${missing[*]}"
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
    "${sudo_cmd[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
  else
    echo "install-peers: Debian packages present"
  fi
fi

venv=.venv-peers
python=/usr/bin/python3
[ -x "$python" ] || python=python3
if [ ! -x "$venv/bin/python" ]; then
  echo "install-peers: creating $venv with $($python --version)"
  "$python" -m venv "$venv"
fi
# `pip install` of already-satisfied pins is a no-op (no download).
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${pins[@]}"
"$venv/bin/python" - <<'PY'
import cv2, av, imageio_ffmpeg, numpy
print(f"install-peers: numpy {numpy.__version__}, opencv {cv2.__version__}, PyAV {av.__version__}, "
      f"imageio-ffmpeg {imageio_ffmpeg.__version__}")
PY
