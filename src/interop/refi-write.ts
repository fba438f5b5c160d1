import {
  CODEBOOK_NS,
  PROJECT_NS,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiNote,
  type RefiProject,
  type RefiSelection,
  type RefiTextSource,
  type RefiValue,
} from './refi-model.js';
import { el, textEl, xmlDocument, type XmlElement } from './xml-write.js';

/**
 * REFI-QDA XML from the model, in the order the schemas require. Containers that would be
 * empty are left out: the schemas want at least one child in each that is present.
 */

const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function optText(name: string, text: string | undefined): XmlElement | undefined {
  return text === undefined ? undefined : textEl(name, text);
}

function container(name: string, children: readonly XmlElement[]): XmlElement | undefined {
  return children.length === 0 ? undefined : el(name, [], children);
}

function refs(name: string, guids: readonly string[]): XmlElement[] {
  return guids.map((g) => el(name, [['targetGUID', g]]));
}

function codeEl(c: RefiCode, inProject: boolean): XmlElement {
  return el(
    'Code',
    [
      ['guid', c.guid],
      ['name', c.name],
      ['isCodable', c.isCodable],
      ['color', c.color],
    ],
    [optText('Description', c.description), ...(inProject ? refs('NoteRef', c.notes) : []), ...c.children.map((k) => codeEl(k, inProject))],
  );
}

function valueEl(v: RefiValue): XmlElement {
  return el('VariableValue', [], [el('VariableRef', [['targetGUID', v.variable]]), textEl(`${v.type}Value`, v.value)]);
}

function codingEl(c: RefiCoding): XmlElement {
  return el(
    'Coding',
    [
      ['guid', c.guid],
      ['creatingUser', c.creatingUser],
    ],
    [el('CodeRef', [['targetGUID', c.code]]), ...refs('NoteRef', c.notes)],
  );
}

function selectionEl(s: RefiSelection): XmlElement {
  return el(
    'PlainTextSelection',
    [
      ['guid', s.guid],
      ['name', s.name],
      ['startPosition', s.start],
      ['endPosition', s.end],
      ['creatingUser', s.creatingUser],
    ],
    [optText('Description', s.description), ...s.codings.map(codingEl), ...refs('NoteRef', s.notes)],
  );
}

function sourceEl(s: RefiTextSource): XmlElement {
  return el(
    'TextSource',
    [
      ['guid', s.guid],
      ['name', s.name],
      ['plainTextPath', s.plainTextPath],
      ['creatingUser', s.creatingUser],
    ],
    [
      optText('Description', s.description),
      optText('PlainTextContent', s.plainTextContent),
      ...s.selections.map(selectionEl),
      ...s.sourceCodings.map(codingEl),
      ...refs('NoteRef', s.notes),
      ...s.values.map(valueEl),
    ],
  );
}

function noteEl(n: RefiNote): XmlElement {
  return el(
    'Note',
    [
      ['guid', n.guid],
      ['name', n.name],
      ['plainTextPath', n.plainTextPath],
    ],
    [optText('Description', n.description), optText('PlainTextContent', n.plainTextContent)],
  );
}

export function projectXml(p: RefiProject): string {
  const root = el(
    'Project',
    [
      ['xmlns', PROJECT_NS],
      ['xmlns:xsi', XSI],
      ['xsi:schemaLocation', `${PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`],
      ['name', p.name],
      ['origin', p.origin],
      ['creatingUserGUID', p.creatingUser],
    ],
    [
      container(
        'Users',
        p.users.map((u) =>
          el('User', [
            ['guid', u.guid],
            ['name', u.name],
          ]),
        ),
      ),
      p.codes.length
        ? el(
            'CodeBook',
            [],
            [
              el(
                'Codes',
                [],
                p.codes.map((c) => codeEl(c, true)),
              ),
            ],
          )
        : undefined,
      container(
        'Variables',
        p.variables.map((v) =>
          el(
            'Variable',
            [
              ['guid', v.guid],
              ['name', v.name],
              ['typeOfVariable', v.type],
            ],
            [optText('Description', v.description)],
          ),
        ),
      ),
      container(
        'Cases',
        p.cases.map((c) =>
          el(
            'Case',
            [
              ['guid', c.guid],
              ['name', c.name],
            ],
            [optText('Description', c.description), ...c.values.map(valueEl), ...refs('SourceRef', c.sources)],
          ),
        ),
      ),
      container('Sources', p.sources.map(sourceEl)),
      container('Notes', p.notes.map(noteEl)),
      optText('Description', p.description),
      ...refs('NoteRef', p.projectNotes),
    ],
  );
  return xmlDocument(root);
}

export function codebookXml(cb: RefiCodebook): string {
  return xmlDocument(
    el(
      'CodeBook',
      [
        ['xmlns', CODEBOOK_NS],
        ['origin', cb.origin],
      ],
      [
        el(
          'Codes',
          [],
          cb.codes.map((c) => codeEl(c, false)),
        ),
      ],
    ),
  );
}
