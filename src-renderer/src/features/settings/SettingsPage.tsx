/** Placeholder: the screens issue fills this page in. */
export default function Page() {
  return null;
}
