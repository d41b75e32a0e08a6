// A button that shows `toast` when pressed: how the toast tests raise one, as a page's action would.
import { useToast, type ToastInput } from '../toast';

export function ShowToastButton({ toast, label }: { toast: ToastInput; label: string }) {
  const show = useToast();
  return (
    <button type="button" onClick={() => show(toast)}>
      {label}
    </button>
  );
}
