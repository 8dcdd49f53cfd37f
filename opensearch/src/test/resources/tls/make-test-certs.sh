#!/usr/bin/env bash
# Makes the TEST-ONLY certificates beside this script, for ClusterTlsTest: their private keys are
# public (committed here), so nothing may ever trust them outside the tests. Run it again only to
# replace them (e.g. before 2100, when they expire); it needs only openssl.
#   ca.pem          a test CA ("Verbatim test CA")
#   other-ca.pem    a second test CA that signed nothing here (the "wrong CA")
#   server.pem      the listener's certificate, signed by ca.pem, for 127.0.0.1 and localhost
#   elsewhere.pem   the same key's certificate, signed by ca.pem, for elsewhere.invalid only
#   server-key.pem  the key of server.pem and elsewhere.pem (EC P-256, unencrypted PKCS#8)
# Valid from 2000 to 2100, so that a machine's wrong clock does not fail the test.
set -euo pipefail
out=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

cat > ca.cnf <<'CNF'
[ca]
default_ca = test
[test]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
commonName = supplied
[ca_ext]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[server_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1, DNS:localhost
authorityKeyIdentifier = keyid
[elsewhere_ext]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:elsewhere.invalid
authorityKeyIdentifier = keyid
CNF

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
sign() { # sign CSR CA-CERT CA-KEY EXTENSIONS OUT [-selfsign]
  : > index.txt
  openssl rand -hex 16 > serial
  openssl ca -batch -config ca.cnf -notext -startdate 20000101000000Z -enddate 21000101000000Z \
    -in "$1" -cert "$2" -keyfile "$3" -extensions "$4" -out "$5" "${@:6}"
}
ca() { # ca NAME CN
  key "$1-key.pem"
  openssl req -new -key "$1-key.pem" -subj "/CN=$2" -out "$1.csr"
  sign "$1.csr" "$1.pem" "$1-key.pem" ca_ext "$1.pem" -selfsign
}

ca ca "Verbatim test CA"
ca other-ca "Verbatim other test CA"
key server-key.pem
openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr
sign server.csr ca.pem ca-key.pem server_ext server.pem
openssl req -new -key server-key.pem -subj "/CN=elsewhere.invalid" -out elsewhere.csr
sign elsewhere.csr ca.pem ca-key.pem elsewhere_ext elsewhere.pem

cp ca.pem other-ca.pem server.pem elsewhere.pem server-key.pem "$out"/
