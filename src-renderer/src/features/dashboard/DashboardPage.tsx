/** Placeholder until the statistics issue lands its dashboard here. */
export default function DashboardPage() {
  return null;
}
