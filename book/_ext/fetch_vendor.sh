#!/usr/bin/env bash
# Re-fetch the vendored front-end assets from the npm registry (from anywhere).
# They are committed, so building the book needs no network; this script only
# documents where each file comes from and updates them. (The interactives need no
# vendored library: book/_assets/gd-widgets.js draws them.)
set -euo pipefail
here=$(cd "$(dirname "$0")/../_assets/vendor" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent mathjax@3.2.2 >/dev/null
for f in *.tgz; do mkdir "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done

rm -rf "$here/mathjax"
mkdir -p "$here/mathjax/output/chtml/fonts" "$here/mathjax/input/tex"
mj=mathjax-3.2.2/package
cp "$mj/es5/tex-chtml.js" "$mj/LICENSE" "$here/mathjax/"
cp -r "$mj/es5/output/chtml/fonts/woff-v2" "$here/mathjax/output/chtml/fonts/"
cp -r "$mj/es5/input/tex/extensions" "$here/mathjax/input/tex/"
cp -r "$mj/es5/ui" "$mj/es5/a11y" "$here/mathjax/"
echo "vendored assets updated in $here"
