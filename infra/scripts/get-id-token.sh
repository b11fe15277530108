#!/usr/bin/env bash
# Prints a Cognito ID token for a coop-plans user, to paste into the task pane's sign-in (or to
# call the API with curl). At a first sign-in it asks for the new password Cognito requires.
#
#   infra/scripts/get-id-token.sh --email aos@example.cl [--client-id ID | --outputs infra/cdk-outputs.json] [--region sa-east-1]
#
# The ID token (not the access token) is what the API expects: it carries custom:role,
# custom:regions and the client id as its audience. It is valid for one hour.
# Needs: the AWS CLI v2 (no AWS credentials: these calls are public to the app client) and node.
set -euo pipefail

email="" client="" outputs="" region_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --email) email="${2:-}"; shift 2 ;;
    --client-id) client="${2:-}"; shift 2 ;;
    --outputs) outputs="${2:-}"; shift 2 ;;
    --region) region_args=(--region "${2:-}"); shift 2 ;;
    *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ -n "$email" ]] || { echo "--email is required" >&2; exit 2; }
if [[ -z "$client" && -n "$outputs" ]]; then
  client="$(node -e '
    const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ids = Object.values(o).map((s) => s && s.UserPoolClientId).filter(Boolean);
    if (ids.length !== 1) { console.error(`expected one UserPoolClientId in ${process.argv[1]}, found ${ids.length}`); process.exit(1); }
    process.stdout.write(ids[0]);' "$outputs")"
fi
[[ -n "$client" ]] || { echo "Give --client-id or --outputs (the UserPoolClientId output)" >&2; exit 2; }

read -r -s -p "Password for $email: " password; echo >&2
# Parameters as JSON (a password may contain commas, which the CLI shorthand would split).
params="$(node -e 'process.stdout.write(JSON.stringify({USERNAME: process.argv[1], PASSWORD: process.argv[2]}))' "$email" "$password")"
result="$(aws cognito-idp initiate-auth "${region_args[@]}" --no-sign-request --client-id "$client" \
  --auth-flow USER_PASSWORD_AUTH --auth-parameters "$params" --output json)"

challenge="$(node -e 'const r = JSON.parse(process.argv[1]); process.stdout.write(r.ChallengeName || "")' "$result")"
if [[ "$challenge" == "NEW_PASSWORD_REQUIRED" ]]; then
  read -r -s -p "New password (12+ characters, upper and lower case, digits): " new_password; echo >&2
  session="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).Session)' "$result")"
  responses="$(node -e 'process.stdout.write(JSON.stringify({USERNAME: process.argv[1], NEW_PASSWORD: process.argv[2]}))' "$email" "$new_password")"
  result="$(aws cognito-idp respond-to-auth-challenge "${region_args[@]}" --no-sign-request --client-id "$client" \
    --challenge-name NEW_PASSWORD_REQUIRED --session "$session" --challenge-responses "$responses" --output json)"
elif [[ -n "$challenge" ]]; then
  echo "Cognito asks for $challenge, which this script does not handle (e.g. SOFTWARE_TOKEN_MFA)." >&2; exit 1
fi
node -e 'const r = JSON.parse(process.argv[1]); if (!r.AuthenticationResult) { console.error("No token returned"); process.exit(1); } console.log(r.AuthenticationResult.IdToken)' "$result"
