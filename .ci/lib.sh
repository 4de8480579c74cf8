# Shared by the set-up and test scripts: run named steps and stop with the step's name.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

CARGO_LEPTOS_VERSION="0.3.10"

step() {
  local name="$1"
  shift
  printf '\n==> %s\n' "$name"
  local started=$SECONDS
  if ! "$@"; then
    printf '\nFAILED at step: %s\n' "$name" >&2
    exit 1
  fi
  printf '    (%s: %ss)\n' "$name" "$((SECONDS - started))"
}

as_root() {
  if [ "$(id -u)" = "0" ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen the app is locked to; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_wasm_target() {
  rustup target list --installed | grep -qx wasm32-unknown-unknown \
    || rustup target add wasm32-unknown-unknown
}

ensure_cargo_leptos() {
  if cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    return 0
  fi
  echo "    installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
}

ensure_wasm_bindgen() {
  local wanted
  wanted="$(locked_wasm_bindgen_version)"
  [ -n "$wanted" ] || { echo "wasm-bindgen not found in Cargo.lock" >&2; return 1; }
  if wasm-bindgen --version 2>/dev/null | grep -q " $wanted\$"; then
    return 0
  fi
  echo "    installing wasm-bindgen-cli $wanted"
  # --locked is not used: the CLI's own lock file names a yanked crate.
  cargo install wasm-bindgen-cli --version "$wanted" --force
}

ensure_toolchain() {
  step "Add the wasm32 target" ensure_wasm_target
  step "Install cargo-leptos $CARGO_LEPTOS_VERSION" ensure_cargo_leptos
  step "Install wasm-bindgen-cli to match Cargo.lock" ensure_wasm_bindgen
}
