/**
 * The applications of the "What RNNs are for" pages, as data: each is a lab scenario with a story. Adding one is one
 * entry here (and, if its task is new, the task in the engine): the gallery lists it and `#app=<id>` opens it.
 */
import type { ControlId } from '../state/scenario';
import type { ViewId } from '../state/store';

export interface AppEntry {
  /** its link: #app=<id> */
  id: string;
  /** the gallery's heading and the page's title */
  title: string;
  /** one line for the gallery */
  summary: string;
  /** what the application does, in plain words, for a student who has met a feed-forward network */
  story: string[];
  /** the run, as lab link keys (state/url.ts PATHS, plus speed and play) */
  scenario: string;
  /** the settings the page hands to the student (a scenario's controls=); every other one is fixed */
  controls: ControlId[];
  /** the views on the page, in order */
  views: ViewId[];
  /** what the metric counts, in words, for the headline number */
  scoreWords: string;
  /** the "human or network?" game under the views (a text task's sampled output) */
  game?: boolean;
}

export const APPS: readonly AppEntry[] = [
  {
    id: 'translate',
    title: 'Translation: number words to digits',
    summary: 'An encoder–decoder reads “three hundred twelve” and writes 312: a sequence in, a sequence of another length out.',
    story: [
      'A feed-forward network takes an input of one fixed size and gives an output of one fixed size. A sentence is neither: “forty” is one word and two digits, “three hundred five” three words and three digits.',
      'The encoder–decoder (Sutskever, Vinyals and Le, 2014) uses two recurrent networks. The encoder reads the words one at a time into its state. Its last state, the meaning vector, is all the decoder is told.',
      'The decoder then writes the digits one at a time, each step reading the digit it wrote before, until it writes “end”. It learns English number words up to nine hundred ninety-nine.',
      'It is tested on 205 numbers it never saw in training. The score is the share it writes exactly right.',
    ],
    scenario: 'task=translate&reverse=0&cell=lstm&hidden=32&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=16&seed=1&speed=20',
    controls: ['playback', 'speed', 'cell', 'reverse'],
    views: ['output', 'curve'],
    scoreWords: 'of the 205 unseen numbers written exactly right',
  },
  {
    id: 'caption',
    title: 'Captions: pictures to sentences',
    summary: 'A small convolutional network looks at a picture and a recurrent decoder describes it: “a red circle above a blue square”.',
    story: [
      'A captioner turns a picture into a sentence (Vinyals and others, “Show and Tell”, 2015). A small convolutional network, the kind image classifiers use, sums the picture up in one vector.',
      'A recurrent decoder starts from that vector and writes the caption word by word, each word chosen after the words before it. The picture has a fixed size; the caption does not.',
      'The pictures are 16 × 16 pixels with one or two coloured shapes, and the captions come from a small grammar. Colours and positions come first; telling a circle from a triangle takes longer.',
      'It is tested on 256 pictures it never saw in training. The score is the share of caption words it gets right, the end of the caption included.',
    ],
    scenario: 'task=caption&cell=lstm&hidden=32&opt=adam&lr=0.005&clip=norm&clipAt=1&batch=16&seed=1&speed=0',
    controls: ['playback', 'speed', 'cell'],
    views: ['output', 'curve'],
    scoreWords: 'of the caption words right on 256 unseen pictures',
  },
  {
    id: 'lm',
    title: 'Human or network? A character model writes',
    summary: 'An LSTM reads Alice’s fall down the rabbit-hole one character at a time and learns to write more of it. Can you tell its text from Carroll’s?',
    story: [
      'A language model predicts the next character from the ones before it. Sampled one character at a time, each fed back as the next input, it writes text (Karpathy’s char-rnn, 2015).',
      'This one is an LSTM with 64 units. It learns from about 5,000 characters: the opening of “Alice’s Adventures in Wonderland” by Lewis Carroll, public domain. Within a minute it writes word-like text.',
      'The game below borrows Turing’s idea (1950): can a judge tell the machine from a human? You see two snippets of 60 characters, one from the book and one the network wrote, and pick the network’s.',
      'It is not a Turing test, and no network here passes one. Nobody converses, the snippets are short, and the network has learnt this one page, so it often copies whole phrases of it. There is no held-out text: the book’s snippet comes from the page it trained on.',
      'The score is bits per character on 32 windows of the text: how surprised the network is by the next character, 0 if never. A uniform guess over the 62 characters scores about 6.',
    ],
    scenario: 'task=text&T=48&cell=lstm&hidden=64&opt=adam&lr=0.01&clip=norm&clipAt=1&batch=16&seed=1&kernels=fast&speed=0',
    controls: ['playback', 'speed', 'cell'],
    views: ['output', 'curve'],
    scoreWords: 'bits per character on the text',
    game: true,
  },
  {
    id: 'forecast',
    title: 'Forecasting: CO₂ at Mauna Loa',
    summary: 'Monthly carbon dioxide measured on a Hawaiian volcano since 1958: the network learns the yearly cycle and the rise, then forecasts four years it never saw.',
    story: [
      'Since 1958 the air on Mauna Loa, Hawaii, has been measured for carbon dioxide. The monthly means (NOAA Global Monitoring Laboratory and Scripps; public domain) rise every year and swing with the seasons.',
      'The network, an LSTM with 32 units, reads the series one month at a time and predicts the next month, in windows of 60 months: five yearly cycles. It trains on March 1958 to April 2021. The last 48 months, to April 2025, are held out: it never trains on them.',
      'The score is the squared error of next-month predictions on the held-out months, in units of the series’ spread. Two yardsticks stand beside it. Repeating the last month scores 0.0020. The seasonal naive forecast — the value of 12 months before, plus the average rise over 12 months in the training years — knows the cycle and the trend, and scores 0.0012.',
      'After 4,000 steps the network beats both on each of the five seeds we measured, at 0.0003 to 0.001: it has learnt the cycle, and it reads the recent months, which the seasonal answer does not.',
      'The forecast below is the harder test. It starts from the 60 months before the held-out part and then runs free: each prediction is fed back as the next input, 48 times, and is drawn against what was measured and against the seasonal forecast (grey, dashed). Its own errors feed back, so the seeds differ: after 4,000 steps they were 1.2 to 4.5 ppm off on average, the seasonal forecast 2.0 ppm, the last value repeated 3.5 ppm. Over four years the network does not reliably beat the seasonal yardstick after 4,000 steps; left to train to 8,000, four of the five seeds did (1.2 to 1.8 ppm; the fifth 2.6).',
      'The network has no idea why CO₂ rises; it extends a pattern.',
    ],
    scenario: 'task=series&csv=co2&T=60&holdout=48&cell=lstm&hidden=32&opt=adam&lr=0.003&clip=norm&clipAt=1&batch=16&seed=1&kernels=fast&speed=0',
    controls: ['playback', 'speed', 'cell'],
    views: ['output', 'curve'],
    scoreWords: 'mean squared error of next-month predictions on the 48 held-out months',
  },
];

/** The application called `id`, or undefined. */
export function findApp(id: string): AppEntry | undefined {
  return APPS.find((a) => a.id === id);
}

/** The hash of an application's page. */
export const appHash = (id: string) => `#app=${encodeURIComponent(id)}`;

/** The same run in the full lab, every setting in reach, with the views that look inside the decoder too. */
export const labHash = (app: AppEntry) => `#${app.scenario}&views=${[...app.views, 'unroll', 'gates'].filter((v, i, all) => all.indexOf(v) === i).join(',')}`;

/** The scenario keys of the page: which controls it shows (the rest are hidden, and so locked). */
export const scenarioHash = (app: AppEntry) => `#controls=${app.controls.join(',')}`;
