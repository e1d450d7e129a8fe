/** The error of a whole form (not tied to one field), announced when it appears. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="notice notice-error rec-form-error" role="alert">
      {message}
    </p>
  );
}
