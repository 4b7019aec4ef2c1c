// Drawing and editing a vendor zone on the city map with Terra Draw: a polygon is drawn by clicks (the first point or Enter
// closes it), then its corners can be dragged, added at midpoints or deleted; corners snap to other zones. Every finished
// shape goes to .NET as GeoJSON (OnShapeChanged), which checks and saves it with the zone's attributes.
import { TerraDraw, TerraDrawPolygonMode, TerraDrawSelectMode, TerraDrawRenderMode } from '../../lib/terra-draw/terra-draw.modern.js';
import { TerraDrawMapLibreGLAdapter } from '../../lib/terra-draw-maplibre-gl-adapter/terra-draw-maplibre-gl-adapter.modern.js';
import { mapIn } from '../citymap.js';
import { fetchJson } from './basemap.js';

const sessions = new WeakMap();

// Terra Draw refuses coordinates with more than 9 decimals; 7 is a centimetre.
const round = (v) => Math.round(v * 1e7) / 1e7;
const roundRing = (ring) => ring.map(([x, y]) => [round(x), round(y)]);

/**
 * Starts drawing on the map in `element`. `feature` (optional): the zone being edited, whose polygon is loaded for vertex
 * editing; without it a new polygon is drawn. `dotnet.OnShapeChanged(geojsonText)` hears every finished shape.
 */
export async function startDrawing(element, dotnet, feature) {
    stopDrawing(element);
    const map = mapIn(element);
    if (!map) return false;
    const draw = new TerraDraw({
        adapter: new TerraDrawMapLibreGLAdapter({ map }),
        modes: [
            new TerraDrawPolygonMode({
                snapping: { toCoordinate: true, toLine: true },
                editable: true,
                styles: { fillColor: '#1565c0', fillOpacity: 0.3, outlineColor: '#0d47a1', outlineWidth: 2 },
            }),
            new TerraDrawSelectMode({
                flags: {
                    polygon: {
                        feature: {
                            draggable: true,
                            coordinates: { draggable: true, midpoints: true, deletable: true, snappable: { toCoordinate: true } },
                        },
                    },
                },
            }),
            new TerraDrawRenderMode({ modeName: 'existing', styles: { polygonFillColor: '#9e9e9e', polygonFillOpacity: 0.05, polygonOutlineWidth: 1 } }),
        ],
    });
    draw.start();
    const session = { draw, dotnet, id: null };
    sessions.set(element, session);

    // Other zones, for snapping only (the one edited is left out).
    try {
        const zones = await fetchJson('/api/map/zones');
        const others = zones.features
            .filter(f => f.geometry?.type === 'Polygon' && f.properties.id !== feature?.properties?.id)
            .map(f => ({ id: draw.getFeatureId(), type: 'Feature', properties: { mode: 'existing' }, geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map(roundRing) } }));
        draw.addFeatures(others);
    } catch (e) {
        console.warn('zones for snapping not loaded', e);
    }

    const send = () => {
        const shape = session.id == null ? null : draw.getSnapshotFeature(session.id);
        if (!shape) return;
        const geometry = { type: 'Polygon', coordinates: shape.geometry.coordinates.map(roundRing) };
        element.dataset.drawnVertices = String(geometry.coordinates[0].length - 1);
        dotnet.invokeMethodAsync('OnShapeChanged', JSON.stringify(geometry));
    };
    draw.on('finish', (id, context) => {
        if (context?.mode === 'polygon') {
            // One zone, one polygon: a new drawing replaces the last one.
            if (session.id != null && session.id !== id) draw.removeFeatures([session.id]);
            session.id = id;
            send();
            draw.setMode('select');
            draw.selectFeature(id);
        } else if (id === session.id) {
            send();
        }
    });

    if (feature?.geometry?.type === 'Polygon') {
        const id = draw.getFeatureId();
        const result = draw.addFeatures([{ id, type: 'Feature', properties: { mode: 'polygon' }, geometry: { type: 'Polygon', coordinates: feature.geometry.coordinates.map(roundRing) } }]);
        if (result[0]?.valid) {
            session.id = id;
            draw.setMode('select');
            draw.selectFeature(id);
        } else {
            draw.setMode('polygon');
        }
    } else {
        draw.setMode('polygon');
    }
    element.dataset.drawing = 'true';
    return true;
}

/** Throws the drawing away and draws the polygon again from scratch. */
export function redraw(element) {
    const session = sessions.get(element);
    if (!session) return;
    if (session.id != null) session.draw.removeFeatures([session.id]);
    session.id = null;
    session.draw.setMode('polygon');
}

export function stopDrawing(element) {
    const session = sessions.get(element);
    if (!session) return;
    sessions.delete(element);
    try { session.draw.stop(); } catch (e) { console.warn('terra draw stop', e); }
    delete element.dataset.drawing;
    delete element.dataset.drawnVertices;
}
