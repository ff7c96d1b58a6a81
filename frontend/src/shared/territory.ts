import * as echarts from 'echarts/core';
import { api } from './api';

/** One grid of GET /api/territory (PascalCase document): code, name, street, boundary ring [lng, lat][]. */
export interface TerritoryGrid {
  code: string;
  name: string;
  streetCode: string;
  streetName: string;
  communityName: string;
  ring: [number, number][];
}

export interface Territory {
  cityName: string;
  grids: TerritoryGrid[];
  streets: Map<string, string>;
  workers: Map<string, { name: string; gridCode?: string }>;
}

interface TerritoryDocument {
  CityName: string;
  Districts: { Code: string; Name: string; Streets: { Code: string; Name: string; Communities: { Code: string; Name: string; Grids: { Code: string; Name: string; Boundary?: [number, number][] }[] }[] }[] }[];
  Workers?: { Id: string; Name: string; GridCode?: string }[];
}

export const mapName = 'livegrid-territory';

/** Loads the territory once and registers its grid polygons as an ECharts map (feature name = grid code). */
export async function loadTerritory(): Promise<Territory> {
  const document = await api.get<TerritoryDocument>('/api/territory');
  const grids: TerritoryGrid[] = [];
  const streets = new Map<string, string>();
  for (const district of document.Districts ?? []) {
    for (const street of district.Streets ?? []) {
      streets.set(street.Code, street.Name);
      for (const community of street.Communities ?? []) {
        for (const grid of community.Grids ?? []) {
          if (!grid.Boundary || grid.Boundary.length < 3) continue;
          grids.push({ code: grid.Code, name: grid.Name, streetCode: street.Code, streetName: street.Name, communityName: community.Name, ring: grid.Boundary });
        }
      }
    }
  }

  const workers = new Map<string, { name: string; gridCode?: string }>();
  for (const worker of document.Workers ?? []) workers.set(worker.Id, { name: worker.Name, gridCode: worker.GridCode });
  echarts.registerMap(mapName, {
    type: 'FeatureCollection',
    features: grids.map((grid) => ({
      type: 'Feature',
      properties: { name: grid.code },
      geometry: { type: 'Polygon', coordinates: [closed(grid.ring)] },
    })),
  } as any);
  return { cityName: document.CityName, grids, streets, workers };
}

function closed(ring: [number, number][]): [number, number][] {
  const [first, last] = [ring[0], ring[ring.length - 1]];
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, first];
}

/** The grid whose polygon contains the point (ray casting), if any. */
export function findGrid(territory: Territory, lng: number, lat: number): TerritoryGrid | undefined {
  return territory.grids.find((grid) => contains(grid.ring, lng, lat));
}

function contains(ring: [number, number][], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }

  return inside;
}
