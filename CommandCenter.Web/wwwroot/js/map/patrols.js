// 马路局长 patrols on the map: the running tracks from /api/patrols/live, grown by patrolMoved pushes and ended by
// patrolChanged. Only city-wide readers get either (the server decides); the layer is empty for everyone else.
import { fetchJson } from './basemap.js';

function draw(state) {
    const features = [...state.patrols.values()].map(p => ({
        type: 'Feature', properties: { id: p.id, person: p.person, state: p.state },
        geometry: { type: 'LineString', coordinates: p.points.length === 1 ? [p.points[0], p.points[0]] : p.points },
    }));
    const heads = [...state.patrols.values()].filter(p => p.points.length > 0).map(p => ({
        type: 'Feature', properties: { id: p.id, person: p.person, state: p.state }, geometry: { type: 'Point', coordinates: p.points[p.points.length - 1] },
    }));
    state.map.getSource('patrols')?.setData({ type: 'FeatureCollection', features });
    state.map.getSource('patrol-heads')?.setData({ type: 'FeatureCollection', features: heads });
    state.element.dataset.patrolCount = String(state.patrols.size);
}

function coordinatesOf(geometry) {
    if (!geometry) return [];
    if (geometry.type === 'LineString') return geometry.coordinates;
    if (geometry.type === 'MultiLineString') return geometry.coordinates.flat();
    if (geometry.type === 'Point') return [geometry.coordinates];
    return [];
}

export async function addPatrolLayers(state) {
    const { map } = state;
    map.addSource('patrols', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'patrols-line', type: 'line', source: 'patrols', layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': '#00e5ff', 'line-width': state.options.wall ? 5 : 4, 'line-opacity': ['case', ['==', ['get', 'state'], 'paused'], 0.5, 0.95] } });
    map.addSource('patrol-heads', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'patrols-head', type: 'circle', source: 'patrol-heads',
        paint: { 'circle-radius': 8, 'circle-color': '#00b8d4', 'circle-stroke-width': 3, 'circle-stroke-color': '#ffffff' } });
    map.addLayer({ id: 'patrols-label', type: 'symbol', source: 'patrol-heads',
        layout: { 'text-field': ['get', 'person'], 'text-font': ['Noto Sans CJK SC'], 'text-size': 13, 'text-offset': [0, 1.4] },
        paint: { 'text-color': state.dark ? '#e0f7fa' : '#006064', 'text-halo-color': state.dark ? '#0b1626' : '#ffffff', 'text-halo-width': 2 } });
    state.patrols = new Map();
    const live = await fetchJson('/api/patrols/live');
    for (const f of live.features ?? []) {
        const id = f.properties.id;
        state.patrols.set(id, { id, person: f.properties.person, state: f.properties.state, points: [...coordinatesOf(f.geometry)] });
    }
    draw(state);
}

/** patrolMoved {patrolId, person, points: [[lon, lat]…]} or patrolChanged {patrolId, person, state}. */
export function applyPatrol(state, name, m) {
    if (!state.patrols) return;
    const id = m.patrolId;
    let p = state.patrols.get(id);
    if (name === 'patrolChanged' && m.state === 'ended') {
        state.patrols.delete(id);
        draw(state);
        return;
    }
    if (!p) {
        p = { id, person: m.person, state: m.state ?? 'running', points: [] };
        state.patrols.set(id, p);
    }
    if (m.state) p.state = m.state;
    if (name === 'patrolMoved') {
        const points = m.points?.length ? m.points : (m.lon != null ? [[m.lon, m.lat]] : []);
        p.points.push(...points);
    }
    draw(state);
}

/** What the patrol layer holds, for the map element's `ccMap` handle. */
export function patrolsOf(state) {
    return [...(state.patrols?.values() ?? [])].map(p => ({ id: p.id, person: p.person, state: p.state, points: p.points.length }));
}
