// Talking to the armstrace API; errors arrive as {"error": {"code", "message"}}.

const cache = new Map();

export class ApiError extends Error {}

export async function getJSON(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `${response.status} on ${path}`;
    throw new ApiError(message);
  }
  return body;
}

// Documents do not change once stored: fetch each one once.
export function getDocument(id) {
  if (!cache.has(id)) cache.set(id, getJSON(`/documents/${encodeURIComponent(id)}`));
  return cache.get(id);
}

export function showStatus(message, isError = false) {
  const node = document.getElementById('status');
  node.textContent = message;
  node.classList.toggle('error', isError);
}
