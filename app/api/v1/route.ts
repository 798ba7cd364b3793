// /api/v1 itself: nothing is served here; the same JSON 404 as any other unknown path.
import { unrecognizedRequest } from "@/lib/http/unrecognized";

export { unrecognizedRequest as GET, unrecognizedRequest as POST, unrecognizedRequest as PATCH, unrecognizedRequest as PUT, unrecognizedRequest as DELETE };
