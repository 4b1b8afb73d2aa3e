interface Props {
  id: string;
  label: string;
  title?: string;
  min: number;
  max: number;
  step: number;
  /** The value set in the workspace; undefined when the scenario's own value applies. */
  value: number | undefined;
  /** The scenario's own value, shown when nothing is set. */
  original: number;
  format: (x: number) => string;
  onChange: (x: number | undefined) => void;
  /** Shown instead of the original value when the scenario's value is not a number (an open price). */
  unsetLabel?: string | undefined;
}

/** A labelled range input with its value in words and a reset to the scenario's own value. Keyboard: arrows, Page Up/Down, Home/End. */
export function Slider({ id, label, title, min, max, step, value, original, format, onChange, unsetLabel }: Props) {
  const shown = value ?? original;
  const text = value === undefined && unsetLabel ? unsetLabel : format(shown);
  return (
    <div className={`slider${value === undefined ? "" : " changed"}`} title={title}>
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{text}</output>
      </label>
      <span className="slider-row">
        <input id={id} type="range" min={min} max={max} step={step} value={shown} aria-valuetext={text} onChange={(e) => onChange(Number(e.target.value))} />
        <button type="button" className="reset" aria-label={`reset ${label}`} disabled={value === undefined} onClick={() => onChange(undefined)}>
          ↺
        </button>
      </span>
    </div>
  );
}
