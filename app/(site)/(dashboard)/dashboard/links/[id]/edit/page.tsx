import type { Metadata } from "next";
import Link from "next/link";
import { EditLinkForm } from "@/components/dashboard/links/link-edit-form";
import { LinkFixedSettings } from "@/components/dashboard/links/link-details";
import { PageHeader } from "@/components/dashboard/page-header";
import { Alert } from "@/components/ui/alert";
import { linkFormValues } from "@/lib/links/form";
import { updateLinkAction } from "../../actions";
import { getLinkOr404, getLinksContext } from "../../context";

export const metadata: Metadata = { title: "Edit payment link" };

export default async function EditLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { ctx, canWrite } = await getLinksContext();
  const link = await getLinkOr404(ctx, id);
  const detailHref = `/dashboard/links/${link.id}`;
  return (
    <>
      <PageHeader title={`Edit ${link.name}`} description="Changes apply at once, to the link already shared." />
      {canWrite ? (
        <EditLinkForm action={updateLinkAction.bind(null, link.id)} initial={linkFormValues(link)} cancelHref={detailHref} fixed={<LinkFixedSettings link={link} />} />
      ) : (
        <Alert tone="info">
          Only an owner or admin can change payment links. <Link href={detailHref} className="font-medium underline">Back to the link</Link>
        </Alert>
      )}
    </>
  );
}
