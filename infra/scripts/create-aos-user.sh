#!/usr/bin/env bash
# Creates a coop-plans user in the Cognito user pool (by default the first AOS of a region) with
# the AWS CLI. Cognito e-mails a temporary password; at first sign-in the user chooses their own.
#
#   infra/scripts/create-aos-user.sh --email aos@example.cl --regions 08,16 \
#       [--role aos|gestor|sercotec] [--user-pool-id sa-east-1_XXXX | --outputs infra/cdk-outputs.json] \
#       [--region sa-east-1] [--dry-run]
#
# --regions: comma-separated two-digit region codes ("08,16"), or "*" (Sercotec central level).
# --outputs: the file of `cdk deploy --all --outputs-file …`; its UserPoolId is used.
# --dry-run: prints the aws command instead of running it.
# Needs: the AWS CLI v2 with credentials allowed cognito-idp:AdminCreateUser on the pool; node (to read --outputs).
set -euo pipefail

email="" regions="" role="aos" pool="" outputs="" region_args=() dry_run=0
usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --email) email="${2:-}"; shift 2 ;;
    --regions) regions="${2:-}"; shift 2 ;;
    --role) role="${2:-}"; shift 2 ;;
    --user-pool-id) pool="${2:-}"; shift 2 ;;
    --outputs) outputs="${2:-}"; shift 2 ;;
    --region) region_args=(--region "${2:-}"); shift 2 ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) usage ;;
    *) echo "Unknown argument: $1" >&2; usage ;;
  esac
done

[[ "$email" =~ ^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$ ]] || { echo "--email must be an e-mail address" >&2; exit 2; }
email="$(printf '%s' "$email" | tr '[:upper:]' '[:lower:]')"
[[ "$role" =~ ^(aos|gestor|sercotec)$ ]] || { echo "--role must be aos, gestor or sercotec" >&2; exit 2; }
if [[ "$regions" != "*" ]]; then
  [[ "$regions" =~ ^[0-9]{2}(,[0-9]{2})*$ ]] || { echo "--regions must be codes like 08 or 08,16 (or * for Sercotec central)" >&2; exit 2; }
  for code in ${regions//,/ }; do
    (( 10#$code >= 1 && 10#$code <= 16 )) || { echo "Region code $code is not between 01 and 16" >&2; exit 2; }
  done
fi
[[ "$regions" != "*" || "$role" == "sercotec" ]] || { echo "Only the sercotec role may have regions *" >&2; exit 2; }

if [[ -z "$pool" && -n "$outputs" ]]; then
  pool="$(node -e '
    const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const ids = Object.values(o).map((s) => s && s.UserPoolId).filter(Boolean);
    if (ids.length !== 1) { console.error(`expected one UserPoolId in ${process.argv[1]}, found ${ids.length}`); process.exit(1); }
    process.stdout.write(ids[0]);' "$outputs")"
fi
[[ -n "$pool" ]] || { echo "Give --user-pool-id or --outputs (the UserPoolId output of the Identity stack)" >&2; exit 2; }

# JSON, not the CLI's shorthand: "Value=08,16" would be split at the comma. Every value was
# validated above (no quotes or backslashes), so plain interpolation is safe.
attributes="[{\"Name\":\"email\",\"Value\":\"$email\"},{\"Name\":\"email_verified\",\"Value\":\"true\"},{\"Name\":\"custom:role\",\"Value\":\"$role\"},{\"Name\":\"custom:regions\",\"Value\":\"$regions\"}]"
cmd=(aws cognito-idp admin-create-user "${region_args[@]}"
  --user-pool-id "$pool"
  --username "$email"
  --user-attributes "$attributes"
  --desired-delivery-mediums EMAIL)

if (( dry_run )); then
  printf '%q ' "${cmd[@]}"; echo
else
  "${cmd[@]}" >/dev/null
  echo "Created $email ($role, regions $regions) in $pool; Cognito has e-mailed a temporary password."
fi
