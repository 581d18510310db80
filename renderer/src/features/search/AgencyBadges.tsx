import './workspace.css';

/** The agencies that know something, as small badges. */
export function AgencyBadges({ agencies }: { agencies: readonly string[] }) {
  return (
    <span className="agency-badges">
      {agencies.map((agency) => (
        <span key={agency} className="agency-badge" title={`Known to ${agency}`}>
          {agency}
        </span>
      ))}
    </span>
  );
}
