import { errorResponse } from "./error-codes";

/** The 404 of the version routes, saying whether the workflow or the version is missing. */
export function versionNotFound(
  reason: "workflow_not_found" | "version_not_found",
  number: number,
): Response {
  switch (reason) {
    case "workflow_not_found":
      return errorResponse("not_found", "There is no such workflow in this workspace.");
    case "version_not_found":
      return errorResponse("not_found", `This workflow has no version ${number}.`);
  }
}
