// Any other /api/v1 path: a JSON 404 in the contract's error shape instead of an HTML page.
import { errorBody } from "@/lib/errors";

function notFound(request: Request): Response {
  const path = new URL(request.url).pathname;
  return Response.json(errorBody("resource_missing", `Unrecognized request URL (${request.method}: ${path}).`), { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PATCH, notFound as PUT, notFound as DELETE };
