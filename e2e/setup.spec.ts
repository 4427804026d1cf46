import { expect, test } from "@playwright/test";
import { ADMIN, ADMIN_STATE } from "./support/accounts";

test("the first visit to a fresh install creates the admin account and signs in", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create the admin account" })).toBeVisible();

  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByText(`${ADMIN.name}`)).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin$|\/workflows$/);
});
