/** Placeholder until the files issue lands the printable report here. */
export default function ReportPage() {
  return null;
}
