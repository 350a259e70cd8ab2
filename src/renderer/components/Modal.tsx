// Every dialog's frame: the backdrop, role dialog with its name, and Esc to close (as Windows
// and WPS dialogs do). A form dialog submits on Enter by itself.
import { useEffect, type ReactNode } from 'react';

/** Esc closes: one listener on the document, so it works wherever focus is in the dialog. */
export function useEscape(onClose: () => void): void {
  useEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, [onClose]);
}

export function Modal(props: { label: string; small?: boolean; onClose: () => void; onSubmit?: () => void; children: ReactNode }) {
  useEscape(props.onClose);
  const className = props.small ? 'modal small' : 'modal';
  return (
    <div className="modal-backdrop">
      {props.onSubmit ? (
        <form
          className={className}
          role="dialog"
          aria-label={props.label}
          onSubmit={(e) => {
            e.preventDefault();
            props.onSubmit!();
          }}
        >
          {props.children}
        </form>
      ) : (
        <div className={className} role="dialog" aria-label={props.label}>
          {props.children}
        </div>
      )}
    </div>
  );
}
