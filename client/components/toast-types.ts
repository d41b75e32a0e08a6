// What a toast says (toast.tsx) and a shown one (toast-item.tsx).
export interface ToastInput {
  title: string;
  description?: string;
  tone?: 'info' | 'success' | 'error';
}
export interface Toast extends ToastInput {
  id: number;
}
