import path from "node:path";

export const ADMIN = {
  name: "Ada Admin",
  email: "ada@example.test",
  password: "correct horse battery",
};
export const VIEWER = {
  name: "Vic Viewer",
  email: "vic@example.test",
  password: "viewer password 1",
};

/** Where the setup project leaves the admin's signed-in browser state for the other tests. */
export const ADMIN_STATE = path.resolve("e2e/.auth/admin.json");
