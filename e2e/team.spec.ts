import { expect, test } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers";

test("an owner adds a viewer, who can switch to the business but not change it", async ({ browser }) => {
  const viewerEmail = uniqueEmail("viewer");
  const viewer = await (await browser.newContext()).newPage();
  await signUp(viewer, { email: viewerEmail, business: "Viewer's Own Shop" });

  const owner = await (await browser.newContext()).newPage();
  await signUp(owner, { email: uniqueEmail("owner"), business: "Owner Bakery" });
  await owner.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await owner.getByLabel("Email of a Paylink user").fill(viewerEmail);
  await owner.getByLabel("Role", { exact: true }).selectOption("viewer");
  await owner.getByRole("button", { name: "Add member" }).click();
  await expect(owner.getByText("Added to the team.")).toBeVisible();
  await expect(owner.getByLabel(`Role of ${viewerEmail}`)).toHaveValue("viewer");

  // The owner cannot demote themselves while they are the only owner.
  const ownerRow = owner.getByRole("listitem").filter({ hasText: "(you)" });
  await ownerRow.getByRole("combobox").selectOption("admin");
  await ownerRow.getByRole("button", { name: "Save role" }).click();
  await expect(ownerRow.getByRole("alert")).toContainText("at least one owner");

  // The viewer now has two businesses and sees the bakery read-only.
  await viewer.reload();
  await viewer.getByLabel("Business").selectOption({ label: "Owner Bakery (viewer)" });
  await viewer.getByRole("button", { name: "Switch", exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Owner Bakery" })).toBeVisible();
  await viewer.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(viewer.getByText("Only an owner or admin can change these settings.")).toBeVisible();
  await expect(viewer.getByLabel("Business name")).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add member" })).toHaveCount(0);

  // Removed from the team, the viewer falls back to their own business on the next page.
  await owner.getByRole("button", { name: `Remove ${viewerEmail}` }).click();
  await expect(owner.getByText(viewerEmail)).toHaveCount(0);
  await viewer.reload();
  await expect(viewer.getByLabel("Business name")).toHaveValue("Viewer's Own Shop");
});
