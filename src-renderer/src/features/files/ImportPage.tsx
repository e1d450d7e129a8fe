/** Placeholder until the files issue lands its import wizard here. */
export default function ImportPage() {
  return null;
}
