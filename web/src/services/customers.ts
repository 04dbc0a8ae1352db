import { get, post } from './http';
import type { Customer, RevealField } from './types';

export const getCustomer = (id: number) => get<Customer>(`/customers/${id}`);

export interface RevealRequest {
  field: RevealField;
  index?: number;
  policyNo?: string;
  reason: string;
}

/** One value in the clear (audited; the server answers Cache-Control: no-store). Never kept. */
export const revealValue = (id: number, body: RevealRequest) =>
  post<{ field: RevealField; value: string; policyNo: string }>(`/customers/${id}/reveal`, body);
