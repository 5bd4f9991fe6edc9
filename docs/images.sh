#!/bin/sh
# Makes the documentation's pictures from the demo's own output, with headless Chromium (Debian package chromium):
#   docs/digest-example.png  the demo's last weekly digest, its first two screens (1280 x 1600)
#   docs/email-example.png   the demo's last email to the Head of Crime, its first screen (1280 x 800)
# Run from the repository's top folder after the demo:
#   java -jar target/perfalert.jar demo --once && sh docs/images.sh
# The email's HTML part is taken out of its .eml file (charts inline) by Python's standard email package.
set -e
CHROMIUM=${CHROMIUM:-chromium}
week=$(ls out/digests | sort | tail -n 1)
email=$(ls out/mail/*-crime-lead@example.org.eml | sort | tail -n 1)
python3 - "$email" out/email-example.html <<'PY'
import base64, email, sys
from email import policy
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
html, images = None, {}
for part in msg.walk():
    if part.get_content_type() == "text/html":
        html = part.get_content()
    elif part.get_content_type() == "image/png":
        images[part["Content-ID"].strip("<>")] = base64.b64encode(part.get_payload(decode=True)).decode()
for cid, data in images.items():
    html = html.replace("cid:" + cid, "data:image/png;base64," + data)
open(sys.argv[2], "w", encoding="utf-8").write(html)
PY
shot() {
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$(mktemp -d)" \
    --window-size="$2" --screenshot="$3" "file://$(pwd)/$1" 2>/dev/null
}
shot "out/digests/$week/digest.html" 1280,1600 docs/digest-example.png
shot out/email-example.html 1280,800 docs/email-example.png
echo "docs/digest-example.png: out/digests/$week/digest.html; docs/email-example.png: $email"
