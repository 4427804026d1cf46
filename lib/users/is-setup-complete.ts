import { getDb } from "../db/client";

/** Setup is complete once any user exists; until then the first visit creates the admin. */
export async function isSetupComplete(): Promise<boolean> {
  return (await getDb().user.count()) > 0;
}
