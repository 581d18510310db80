import type { StateCreator } from 'zustand';
import type { z } from 'zod';
import type {
  CaselinkApi,
  CaselinkError,
  LinkExplanationDto,
  LinkSideDto,
  ResolveSummaryDto,
  SharedIdentifierDto,
  sharedIdentifiersInput,
} from '../../../main/contract/api';
import type { AppState } from './index';
import { settle } from './settle';

/** Kinds of identifier, as sharedIdentifiers takes them, with the graph label each stands for. */
export const IDENTIFIER_KINDS = [
  { kind: 'phone', label: 'Phone' },
  { kind: 'email', label: 'Email' },
  { kind: 'address', label: 'Address' },
  { kind: 'account', label: 'Account' },
  { kind: 'handle', label: 'Handle' },
  { kind: 'document', label: 'Document' },
  { kind: 'vehicle', label: 'Vehicle' },
] as const satisfies readonly {
  kind: NonNullable<z.input<typeof sharedIdentifiersInput>['kinds']>[number];
  label: string;
}[];

export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number]['kind'];

/** How many shared identifiers the panel lists at most. */
export const LINK_LIST_LIMIT = 500;

/** Identifies a shared identifier in the list. */
export function linkKey(link: Pick<SharedIdentifierDto, 'label' | 'key'>): string {
  return `${link.label}|${link.key}`;
}

/** Identifies one side of a link: a record asserting the identifier in one column. */
export function sideKey(side: Pick<LinkSideDto, 'record' | 'column' | 'owner'>): string {
  return `${side.record}|${side.column}|${side.owner}`;
}

/** An explanation of the link between two records, as explainLink answered it. */
export interface LinkExplanation {
  a: LinkSideDto;
  b: LinkSideDto;
  links: LinkExplanationDto[];
}

export interface LinksSlice {
  sharedLinks: SharedIdentifierDto[] | null;
  linksLoading: boolean;
  linksError: CaselinkError | null;
  /** Kinds shown; empty shows every kind. */
  linkKinds: IdentifierKind[];
  /** Only identifiers this agency shares; null for any agency. */
  linkAgency: string | null;
  /** The identifier whose sides are shown, by {@link linkKey}. */
  expandedLink: string | null;
  /** Up to two sides of the expanded identifier chosen for an explanation, by {@link sideKey}. */
  chosenSides: string[];
  explanation: LinkExplanation | null;
  explainLoading: boolean;
  explainError: CaselinkError | null;
  resolving: boolean;
  resolveSummary: ResolveSummaryDto | null;
  resolveError: CaselinkError | null;

  loadSharedLinks(): Promise<void>;
  toggleLinkKind(kind: IdentifierKind): void;
  setLinkAgency(agency: string | null): void;
  toggleLinkExpanded(key: string): void;
  /** Chooses or unchooses a side; a third choice replaces the older of the two. */
  toggleLinkSide(key: string): void;
  /** Asks why the two chosen sides' records are linked. */
  explainChosenSides(): Promise<void>;
  closeExplanation(): void;
  /** Runs resolution over the whole graph, then reloads what depends on it. */
  resolveNow(): Promise<void>;
}

/** The expanded identifier's sides that are chosen, in the order they were chosen. */
export function chosenSidesOf(state: Pick<LinksSlice, 'sharedLinks' | 'expandedLink' | 'chosenSides'>): LinkSideDto[] {
  const link = state.sharedLinks?.find((l) => linkKey(l) === state.expandedLink);
  if (!link) return [];
  return state.chosenSides.flatMap((key) => link.sides.filter((side) => sideKey(side) === key));
}

export function createLinksSlice(api: CaselinkApi): StateCreator<AppState, [], [], LinksSlice> {
  let latestList = 0;
  let latestExplain = 0;
  return (set, get) => ({
    sharedLinks: null,
    linksLoading: false,
    linksError: null,
    linkKinds: [],
    linkAgency: null,
    expandedLink: null,
    chosenSides: [],
    explanation: null,
    explainLoading: false,
    explainError: null,
    resolving: false,
    resolveSummary: null,
    resolveError: null,

    async loadSharedLinks() {
      const { linkKinds, linkAgency } = get();
      const request = ++latestList;
      set({ linksLoading: true });
      const result = await settle(() =>
        api.sharedIdentifiers({
          kinds: linkKinds,
          agencies: linkAgency ? [linkAgency] : [],
          limit: LINK_LIST_LIMIT,
        }),
      );
      if (request !== latestList) return;
      if (!result.ok) {
        set({ linksLoading: false, linksError: result.error });
        return;
      }
      const expanded = get().expandedLink;
      const stillThere = result.value.some((l) => linkKey(l) === expanded);
      set({
        sharedLinks: result.value,
        linksLoading: false,
        linksError: null,
        ...(stillThere ? {} : { expandedLink: null, chosenSides: [] }),
      });
    },
    toggleLinkKind(kind) {
      const kinds = get().linkKinds;
      set({ linkKinds: kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind] });
      void get().loadSharedLinks();
    },
    setLinkAgency(agency) {
      set({ linkAgency: agency });
      void get().loadSharedLinks();
    },
    toggleLinkExpanded(key) {
      set({ expandedLink: get().expandedLink === key ? null : key, chosenSides: [] });
    },
    toggleLinkSide(key) {
      const chosen = get().chosenSides;
      if (chosen.includes(key)) set({ chosenSides: chosen.filter((k) => k !== key) });
      else set({ chosenSides: [...chosen.slice(-1), key] });
    },
    async explainChosenSides() {
      const [a, b] = chosenSidesOf(get());
      if (!a || !b || a.agency === b.agency) return;
      const request = ++latestExplain;
      set({ explainLoading: true, explainError: null, explanation: null });
      const result = await settle(() => api.explainLink({ a: a.record, b: b.record }));
      if (request !== latestExplain) return;
      set(
        result.ok
          ? { explainLoading: false, explanation: { a, b, links: result.value } }
          : { explainLoading: false, explainError: result.error },
      );
    },
    closeExplanation() {
      latestExplain += 1;
      set({ explanation: null, explainError: null, explainLoading: false });
    },
    async resolveNow() {
      if (get().resolving) return;
      set({ resolving: true, resolveError: null });
      const result = await settle(() => api.resolve({}));
      set(
        result.ok
          ? { resolving: false, resolveSummary: result.value }
          : { resolving: false, resolveError: result.error },
      );
      if (!result.ok) return;
      void get().loadSharedLinks();
      void get().countOpenCandidates();
      void get().loadOverview();
      void get().refreshConnection();
      if (get().reviewOpen) void get().loadMatches();
    },
  });
}
