// The map's case filter. Its meaning lives on the server (CaseFilter); the map only carries the query the page gave it,
// and asks the server about a case it heard of live while a filter is set.
import { fetchJson } from './basemap.js';

export function filterQuery(filter) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filter ?? {})) if (v !== null && v !== undefined && v !== '') q.set(k, v);
    return q.toString();
}

export function isFiltered(filter) {
    return filterQuery(filter) !== '';
}

/** The case as the filtered map draws it, or null when it does not pass the filter (or is closed, or not ours). */
export async function filteredCase(filter, caseId) {
    const response = await fetch(`/api/map/cases/${caseId}?${filterQuery(filter)}`, { headers: { Accept: 'application/geo+json' } });
    if (response.status === 204) return null;
    if (!response.ok) throw new Error(`map case ${caseId}: HTTP ${response.status}`);
    return response.json();
}

export { fetchJson };
