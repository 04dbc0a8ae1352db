const KEY = 'veracity.recentCustomers';

/** Customer numbers opened in this tab, newest first (numbers only: no personal value is kept). */
export function recentCustomers(): number[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((n): n is number => Number.isInteger(n)).slice(0, 10) : [];
  } catch {
    return [];
  }
}

export function rememberCustomer(id: number): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify([id, ...recentCustomers().filter((n) => n !== id)].slice(0, 10)));
  } catch {
    // storage refused: nothing to remember
  }
}
