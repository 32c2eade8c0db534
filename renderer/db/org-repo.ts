import type { Matter, MatterDomain } from '../../shared/model/matter';
import type {
  Department,
  Grid,
  Officer,
  OfficerStatus,
  PatrolArea,
  Team,
  Township,
} from '../../shared/model/organisation';
import type { GridDeskDb } from './database';
import { TOWNSHIP_KEY } from './tables';

/** Lookups of the organisation: township, grids, patrol areas, teams, officers, departments, matters. */

export async function getTownship(db: GridDeskDb): Promise<Township | undefined> {
  return db.township.get(TOWNSHIP_KEY);
}

/** All grids, by code. */
export async function listGrids(db: GridDeskDb): Promise<Grid[]> {
  return db.grids.toArray();
}

export async function getGrid(db: GridDeskDb, code: string): Promise<Grid | undefined> {
  return db.grids.get(code);
}

export async function listGridsInPatrolArea(db: GridDeskDb, patrolAreaId: string): Promise<Grid[]> {
  return db.grids.where('patrolAreaId').equals(patrolAreaId).toArray();
}

export async function listGridsInCommunity(db: GridDeskDb, communityCode: string): Promise<Grid[]> {
  return db.grids.where('communityCode').equals(communityCode).toArray();
}

export async function listPatrolAreas(db: GridDeskDb): Promise<PatrolArea[]> {
  return db.patrolAreas.toArray();
}

export async function getPatrolArea(db: GridDeskDb, id: string): Promise<PatrolArea | undefined> {
  return db.patrolAreas.get(id);
}

/** The patrol areas a team covers. */
export async function listPatrolAreasOfTeam(db: GridDeskDb, teamId: string): Promise<PatrolArea[]> {
  return db.patrolAreas.where('teamId').equals(teamId).toArray();
}

export async function listTeams(db: GridDeskDb): Promise<Team[]> {
  return db.teams.toArray();
}

export async function getTeam(db: GridDeskDb, id: string): Promise<Team | undefined> {
  return db.teams.get(id);
}

export async function listOfficersOfTeam(db: GridDeskDb, teamId: string): Promise<Officer[]> {
  return db.officers.where('teamId').equals(teamId).toArray();
}

export async function listOfficersByStatus(db: GridDeskDb, status: OfficerStatus): Promise<Officer[]> {
  return db.officers.where('status').equals(status).toArray();
}

export async function getOfficer(db: GridDeskDb, id: string): Promise<Officer | undefined> {
  return db.officers.get(id);
}

export async function listDepartments(db: GridDeskDb): Promise<Department[]> {
  return db.departments.toArray();
}

export async function getMatter(db: GridDeskDb, code: string): Promise<Matter | undefined> {
  return db.matters.get(code);
}

export async function listMattersInDomain(db: GridDeskDb, domain: MatterDomain): Promise<Matter[]> {
  return db.matters.where('domain').equals(domain).toArray();
}
