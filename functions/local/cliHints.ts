import type { RegionCode } from "@coop-plans/shared/domain";

/** A word as a POSIX shell reads it back unchanged: bare when it is plain, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command lines that point the CLI at this local mode, to copy as they are: the API URL
 * (with the port in use) and the data folder in use (where the dev signing key is) as
 * environment variables, then `npx coop-plans login --dev …` as the region's AOS and
 * `npx coop-plans status`: e.g.
 * `COOP_PLANS_API=http://127.0.0.1:4100 COOP_PLANS_DATA_DIR=/tmp/datos npx coop-plans login --dev --role aos --region 14 --email aos@…`.
 */
export function localCliCommandLines(apiUrl: string, dataDir: string, region: RegionCode, aosEmail: string): string[] {
  const env = `COOP_PLANS_API=${shellWord(apiUrl)} COOP_PLANS_DATA_DIR=${shellWord(dataDir)}`;
  return [
    `${env} npx coop-plans login --dev --role aos --region ${region} --email ${shellWord(aosEmail)}`,
    `${env} npx coop-plans status --region ${region}`,
  ];
}
