import { useState, type InputHTMLAttributes } from 'react';

interface CommitInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> {
  value: string;
  /** Called with the typed text when the field loses focus or Enter is pressed, if it changed. */
  onCommit(value: string): void;
}

/**
 * A field that saves when the user is done with it (blur or Enter), not at every key: each save is one write
 * through the one write path, and an undo entry. Escape puts back the saved value.
 */
export function CommitInput({ value, onCommit, ...rest }: CommitInputProps) {
  const [text, setText] = useState(value);
  // A new saved value (this save's answer, or another window's) replaces what is shown, during render.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
  }
  const commit = () => {
    if (text !== value) onCommit(text);
  };
  return (
    <input
      {...rest}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') setText(value);
      }}
    />
  );
}
