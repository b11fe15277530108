#!/usr/bin/env bash
# Prints a Cognito ID token for a coop-plans user, to call the API with curl (people sign in to
# the task pane on the managed login instead). At a first sign-in it asks for the new password
# Cognito requires.
#
#   infra/scripts/get-id-token.sh --email aos@example.cl [--client-id ID --user-pool-id POOL | --outputs infra/cdk-outputs.json] [--region sa-east-1]
#
# The ID token (not the access token) is what the API expects: it carries custom:role,
# custom:regions and the client id as its audience. It is valid for one hour.
# The app client has no public password flow (the pane uses authorization code + PKCE), so this
# script uses the administrator's flow, ADMIN_USER_PASSWORD_AUTH.
# Needs: the AWS CLI v2 with credentials allowed cognito-idp:AdminInitiateAuth and
# cognito-idp:AdminRespondToAuthChallenge on the pool, and node.
set -euo pipefail

email="" client="" pool="" outputs="" region_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --email) email="${2:-}"; shift 2 ;;
    --client-id) client="${2:-}"; shift 2 ;;
    --user-pool-id) pool="${2:-}"; shift 2 ;;
    --outputs) outputs="${2:-}"; shift 2 ;;
    --region) region_args=(--region "${2:-}"); shift 2 ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ -n "$email" ]] || { echo "--email is required" >&2; exit 2; }
output() {
  node -e '
    const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ids = Object.values(o).map((s) => s && s[process.argv[2]]).filter(Boolean);
    if (ids.length !== 1) { console.error(`expected one ${process.argv[2]} in ${process.argv[1]}, found ${ids.length}`); process.exit(1); }
    process.stdout.write(ids[0]);' "$outputs" "$1"
}
if [[ -n "$outputs" ]]; then
  [[ -n "$client" ]] || client="$(output UserPoolClientId)"
  [[ -n "$pool" ]] || pool="$(output UserPoolId)"
fi
[[ -n "$client" && -n "$pool" ]] || { echo "Give --client-id and --user-pool-id, or --outputs (the UserPoolClientId and UserPoolId outputs)" >&2; exit 2; }

read -r -s -p "Password for $email: " password; echo >&2
# Parameters as JSON (a password may contain commas, which the CLI shorthand would split).
params="$(node -e 'process.stdout.write(JSON.stringify({USERNAME: process.argv[1], PASSWORD: process.argv[2]}))' "$email" "$password")"
result="$(aws cognito-idp admin-initiate-auth "${region_args[@]}" --user-pool-id "$pool" --client-id "$client" \
  --auth-flow ADMIN_USER_PASSWORD_AUTH --auth-parameters "$params" --output json)"

challenge="$(node -e 'const r = JSON.parse(process.argv[1]); process.stdout.write(r.ChallengeName || "")' "$result")"
if [[ "$challenge" == "NEW_PASSWORD_REQUIRED" ]]; then
  read -r -s -p "New password (12+ characters, upper and lower case, digits): " new_password; echo >&2
  session="$(node -e 'process.stdout.write(JSON.parse(process.argv[1]).Session)' "$result")"
  responses="$(node -e 'process.stdout.write(JSON.stringify({USERNAME: process.argv[1], NEW_PASSWORD: process.argv[2]}))' "$email" "$new_password")"
  result="$(aws cognito-idp admin-respond-to-auth-challenge "${region_args[@]}" --user-pool-id "$pool" --client-id "$client" \
    --challenge-name NEW_PASSWORD_REQUIRED --session "$session" --challenge-responses "$responses" --output json)"
elif [[ -n "$challenge" ]]; then
  echo "Cognito asks for $challenge, which this script does not handle (e.g. SOFTWARE_TOKEN_MFA)." >&2; exit 1
fi
node -e 'const r = JSON.parse(process.argv[1]); if (!r.AuthenticationResult) { console.error("No token returned"); process.exit(1); } console.log(r.AuthenticationResult.IdToken)' "$result"
