/** The reviewer's name and note that go with a decision, on a pair or on a cluster alike. */
export function DecisionFields(props: {
  id: string;
  reviewer: string;
  setReviewer: (value: string) => void;
  note: string;
  setNote: (value: string) => void;
}) {
  const { id, reviewer, setReviewer, note, setNote } = props;
  return (
    <div className="review-fields">
      <label htmlFor={`${id}-reviewer`}>Reviewer</label>
      <input
        id={`${id}-reviewer`}
        className="input-wide"
        value={reviewer}
        onChange={(event) => setReviewer(event.target.value)}
        placeholder="Optional: your name, kept beside your login"
        maxLength={100}
        autoComplete="name"
      />
      <label htmlFor={`${id}-note`}>Note</label>
      <input
        id={`${id}-note`}
        className="input-wide"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder="Optional: why"
        maxLength={2000}
      />
    </div>
  );
}
