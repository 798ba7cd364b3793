// Any other /api/v1 path: a JSON 404 in the contract's error shape instead of an HTML page.
import { unrecognizedRequest } from "@/lib/http/unrecognized";

export { unrecognizedRequest as GET, unrecognizedRequest as POST, unrecognizedRequest as PATCH, unrecognizedRequest as PUT, unrecognizedRequest as DELETE };
