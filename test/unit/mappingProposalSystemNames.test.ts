import { describe, expect, it } from 'vitest';
import { segmentToken, systemWords } from '../../main/core/headerVocabulary';
import { proposeProfile, readHeader } from '../../main/core/mappingProposal';
import type { Profile } from '../../main/core/profile';
import { propose as proposeRead } from '../support/proposals';

/** Each column as "header → role.field[documentType]", the way an analyst reads a proposal. */
function summary(profile: Profile): string[] {
  return profile.columns.map((c) => {
    const role = c.entity === 'record' ? 'record' : (profile.entities[c.entity]?.role ?? '?');
    return `${c.column} → ${role}.${c.field}${c.documentType ? `[${c.documentType}]` : ''}`;
  });
}

function propose(country: string, columns: [string, ...(string | null)[]][]): { mapped: string[]; unmapped: string[] } {
  return proposeRead(country, columns, summary);
}

// Column names as US, UK, Canadian and Australian case systems export them (issue 9, dev11).
describe('reading headers written as a case system names its columns', () => {
  it('cuts a column name written as one word into the words of the vocabulary', () => {
    expect(segmentToken('offnlastname')).toEqual(['offn', 'lastname']);
    expect(segmentToken('victimage')).toEqual(['victim', 'age']);
    // A word the vocabulary does not know is not cut into pieces of other words.
    expect(segmentToken('hargrove')).toEqual(['hargrove']);
    // Nor is a word of its own that ends like one: "STAGE", "IMAGE_NUM", "HOMEPAGE" hold no age.
    for (const word of ['stage', 'image', 'pages', 'homepage', 'postage', 'percentage'])
      expect(segmentToken(word), word).toEqual([word]);
    for (const header of ['STAGE', 'IMAGE_NUM', 'HOMEPAGE', 'PAGES'])
      expect(readHeader(header).field, header).not.toBe('birthDate');
    expect(readHeader('VICTIMAGE').field).toBe('birthDate');
    // A cut that leaves letters in no word is no cut: "phone|tic", "tem|plate", "pa|role".
    for (const word of ['phonetic', 'template', 'parole', 'registrar', 'community', 'headline', 'landmark'])
      expect(segmentToken(word), word).toEqual([word]);
    expect(readHeader('PHONETIC').field).toBeNull();
    expect(readHeader('TEMPLATE').field).toBeNull();
    expect(systemWords('SUBJ_DL_NO')).toBe('subject driving licence no');
    expect(systemWords('PH_NBR')).toBe('phone number');
    expect(systemWords('SUBJ_ADDR_ST')).toBe('subject address state');
    // Headers written as people write them are not a system's column names.
    expect(systemWords('Date of birth')).toBeNull();
    expect(systemWords('DateOfBirth')).toBeNull();
  });

  it('keeps cutting in bounded time on a long run of letters', () => {
    const started = process.cpuUsage();
    expect(segmentToken('a'.repeat(40))).toEqual(['a'.repeat(40)]);
    systemWords('X'.repeat(10_000));
    expect(process.cpuUsage(started).user).toBeLessThan(200_000);
  });

  it('reads capitals run together as the fields and the party they name', () => {
    expect(
      propose('US', [
        ['OFFNLASTNAME', 'HARGROVE', 'NGUYEN'],
        ['OFFNFIRSTNAME', 'DWAYNE', 'THI LAN'],
        ['OFFNDATEOFBIRTH', '03/14/1981', '11/02/1994'],
        ['OFFNSSN', '412-55-0193', '519-20-4471'],
      ]).mapped,
    ).toEqual([
      'OFFNLASTNAME → suspect.familyName',
      'OFFNFIRSTNAME → suspect.givenName',
      'OFFNDATEOFBIRTH → suspect.birthDate',
      'OFFNSSN → suspect.documentNumber[social-security]',
    ]);
  });

  it('gives prefixed columns (VICT_, SUSP_) to a victim and a suspect of their own', () => {
    expect(
      propose('AU', [
        ['INCIDENT_NO', 'E24-0098812', 'E24-0101177'],
        ['VICT_SURNAME', 'CHEN', 'NAIDOO'],
        ['VICT_DOB', '02/08/1997', '15/01/2002'],
        ['SUSP_SURNAME', 'LOW', 'MARTINI'],
        ['SUSP_MOBILE', '0401 555 777', '0422 555 310'],
        ['SUSP_VEH_REGO', '1AB 2CD', 'YXT-442'],
      ]).mapped,
    ).toEqual([
      'INCIDENT_NO → record.caseRef',
      'VICT_SURNAME → victim.familyName',
      'VICT_DOB → victim.birthDate',
      'SUSP_SURNAME → suspect.familyName',
      'SUSP_MOBILE → suspect.phone',
      'SUSP_VEH_REGO → suspect.vehiclePlate',
    ]);
  });

  it('reads the abbreviations of system column names: booking, licence, passport, phone, zip', () => {
    expect(
      propose('US', [
        ['BOOKING_NBR', 'B24-018833', 'B24-019102'],
        ['SUBJ_DL_NO', '104883271', '112004519'],
        ['PPT_NO', 'P4419022A', 'A09921144'],
        ['PH_NBR', '(901) 555-0142', '(901) 555-0177'],
        ['RESZIP', '38104', '38671'],
        ['SIN', '912 345 678', '946 110 223'],
      ]).mapped,
    ).toEqual([
      'BOOKING_NBR → record.caseRef',
      'SUBJ_DL_NO → subject.documentNumber[driving-licence]',
      'PPT_NO → subject.documentNumber[passport]',
      'PH_NBR → subject.phone',
      'RESZIP → subject.addressPostcode',
      'SIN → subject.documentNumber[social-security]',
    ]);
  });

  it('reads the first of two address lines as the street, written in words or as a column name', () => {
    expect(
      propose('US', [
        ['RESADDR1', '1418 N MAIN ST', '22 ELM AVE'],
        ['RESADDR2', 'APT 4B', null],
        ['Address1', '9 Oak Road', '31 Mill Lane'],
      ]).mapped,
    ).toEqual([
      'RESADDR1 → subject.addressStreet',
      'RESADDR2 → subject.addressStreet',
      'Address1 → subject.addressStreet',
    ]);
  });

  it('leaves audit dates, staff, codes, flags and states unmapped, and keeps coded sexes and nationalities', () => {
    const { mapped, unmapped } = propose('US', [
      ['SUBJ_SEX_CD', '1', '2'],
      ['NATIONALITY_CD', 'ROU', 'GBR'],
      ['ARREST_AGENCY_CD', 'MPD', 'SCSO'],
      ['SUBJ_ADDR_ST', 'TN', 'MS'],
      ['ENTRY_USER_ID', 'DEP4471', 'DEP2290'],
      ['DATELASTUPDATE', '04/12/2019', '01/07/2021'],
      ['ssn_quality_cd', '1', '99'],
      ['dq_flag', '0', '1'],
      ['SOUNDEXCODE', 'H626', 'N250'],
    ]);
    expect(mapped).toEqual(['SUBJ_SEX_CD → subject.gender', 'NATIONALITY_CD → subject.nationality']);
    expect(unmapped).toEqual([
      'ARREST_AGENCY_CD',
      'SUBJ_ADDR_ST',
      'ENTRY_USER_ID',
      'DATELASTUPDATE',
      'ssn_quality_cd',
      'dq_flag',
      'SOUNDEXCODE',
    ]);
  });

  it('still reads a code that is a field of its own ("Post code", "Sort code")', () => {
    expect(readHeader('Post code').field).toBe('addressPostcode');
    expect(readHeader('Sort code').field).toBe('sortCode');
  });
});

// Column names as published data sets and registers export them: JSON and XML paths flattened with
// dots, mixed-case keys, a table's name closing every key, numbered name parts (dev13_public).
describe('reading the keys of published exports and registers', () => {
  it("reads a flattened path by its last part, the leading parts saying only whose it is, and a table's name off its keys", () => {
    expect(
      propose('GB', [
        ['data.name_elements.forename', 'Ioana', 'Petar'],
        ['data.name_elements.surname', 'Marin', 'Georgiev'],
        ['data.date_of_birth.year', '1983', '1991'],
        ['data.address.locality', 'Boston', 'Spalding'],
        ['data.address.postal_code', 'PE21 8TH', 'PE11 2XY'],
        ['data.notified_on', '2020-02-03', '2022-08-19'],
        ['data.ceased_on', '', '2023-01-09'],
      ]).mapped,
    ).toEqual([
      'data.name_elements.forename → subject.givenName',
      'data.name_elements.surname → subject.familyName',
      'data.date_of_birth.year → subject.birthDate',
      'data.address.locality → subject.addressCity',
      'data.address.postal_code → subject.addressPostcode',
      'data.notified_on → record.eventDate',
    ]);
    expect(
      propose('FR', [
        ['prenom1Personne', 'ANDREI', 'MARIA'],
        ['nomPersonne', 'LUNGU', 'CEBAN'],
        ['codePostalPersonne', '13003', '69007'],
        ['libelleCommunePersonne', 'MARSEILLE', 'LYON'],
      ]).mapped,
    ).toEqual([
      'prenom1Personne → subject.givenName',
      'nomPersonne → subject.familyName',
      'codePostalPersonne → subject.addressPostcode',
      'libelleCommunePersonne → subject.addressCity',
    ]);
    expect(
      propose('GB', [
        ['NameAlias_LastName', 'Lungu', 'Ceban'],
        ['NameAlias_FirstName', 'Andrei', 'Maria'],
        ['Address_ZipCode', '13003', '69007'],
        ['Identification_CountryIso2Code', 'MD', 'RO'],
      ]).mapped,
    ).toEqual([
      'NameAlias_LastName → subject.familyName',
      'NameAlias_FirstName → subject.givenName',
      'Address_ZipCode → subject.addressPostcode',
      'Identification_CountryIso2Code → subject.documentCountry',
    ]);
  });

  it('reads numbered name parts as given names then the family name, and a register of firms as the employer', () => {
    expect(
      propose('GB', [
        ['Name 6', 'OKONKWO', 'RAHIMI'],
        ['Name 1', 'Chidi', 'Farid'],
        ['Name 2', 'Emeka', ''],
        ['Name 3', '', 'Ahmad'],
        ['DOB', '02/05/1970', '11/11/1962'],
      ]).mapped,
    ).toEqual([
      'Name 6 → subject.familyName',
      'Name 1 → subject.givenName',
      'Name 2 → subject.givenName',
      'Name 3 → subject.givenName',
      'DOB → subject.birthDate',
    ]);
    expect(
      propose('NO', [
        ['navn', 'FJORD RENHOLD AS', 'NORDLYS VIKAR AS'],
        ['forretningsadresse.postnummer', '5003', '7010'],
        ['forretningsadresse.poststed', 'BERGEN', 'TRONDHEIM'],
        ['telefon', '55 12 34 56', '73 98 76 54'],
      ]).mapped,
    ).toEqual([
      'navn → employer.fullName',
      'forretningsadresse.postnummer → employer.addressPostcode',
      'forretningsadresse.poststed → employer.addressCity',
      'telefon → employer.phone',
    ]);
  });

  it("leaves a role or a document type written as a system's codes unmapped, and keeps role words and document names", () => {
    expect(
      propose('US', [
        ['ActivityPartyTypeCode', '33', '33', '33'],
        ['RawIndividualFirstName', 'MARIA', 'VAN', 'ION'],
        ['PartyIdentificationNumberText', '412550193', '519204471', 'P12345678'],
        ['PartyIdentificationTypeCode', '1', '1', '6'],
        ['resident_status_code', 'R', 'N', 'R'],
      ]),
    ).toEqual({
      mapped: ['RawIndividualFirstName → subject.givenName', 'PartyIdentificationNumberText → subject.documentNumber'],
      unmapped: ['ActivityPartyTypeCode', 'PartyIdentificationTypeCode', 'resident_status_code'],
    });
    expect(
      propose('GB', [
        ['Person type', 'V', 'S', 'PV'],
        ['Name', 'Ana Pop', 'Ion Rusu', 'Ivan Petrov'],
        ['ID type', 'Passport', 'ID card', 'Passport'],
      ]).mapped,
    ).toEqual(['Person type → subject.role', 'Name → subject.fullName', 'ID type → subject.documentType']);
  });

  it("leaves a list's own numbers for its entities, a person's place in the incident and a year alone unmapped, and keeps the incident's reference", () => {
    expect(
      propose('US', [
        ['data_year', '2022', '2022', '2022'],
        ['incident_id', '150011634', '150011634', '150012990'],
        ['offender_seq_num', '1', '2', '1'],
        ['age_num', '34', '29', ''],
        ['BirthDate_Year', '1942', '1960', '1969'],
      ]),
    ).toEqual({
      mapped: ['incident_id → record.caseRef', 'age_num → subject.birthDate', 'BirthDate_Year → subject.birthDate'],
      unmapped: ['data_year', 'offender_seq_num'],
    });
    expect(
      propose('GB', [
        ['ent_num', '36', '7157', '25618'],
        ['Entity_LogicalId', '13', '5410', '139284'],
        ['node_id', '10000001', '10000002', '10200113'],
        ['Group ID', '6894', '13012', '15590'],
        ['SDN_Name', 'KAHN, Ilya', 'POPESCU, Ion', 'NGUYEN, Van'],
      ]),
    ).toEqual({
      mapped: ['SDN_Name → subject.fullName'],
      unmapped: ['ent_num', 'Entity_LogicalId', 'node_id', 'Group ID'],
    });
  });

  it("leaves an age's code, an age range's bounds and coordinates unmapped", () => {
    expect(
      propose('US', [
        ['age_id', '5', '5', '4'],
        ['age_num', '34', '29', ''],
        ['age_range_low_num', '34', '29', ''],
        ['age_range_high_num', '', '', '40'],
        ['Location', '(41.8817, -87.6278)', '(41.7521, -87.6044)', '(41.9614, -87.6551)'],
        ['Address', '1420 ELM ST', '88 BOLSA AVE', '22 OAK RD'],
      ]),
    ).toEqual({
      mapped: ['age_num → subject.birthDate', 'Address → subject.address'],
      unmapped: ['age_id', 'age_range_low_num', 'age_range_high_num', 'Location'],
    });
  });

  it("leaves a key's place of birth and a town's number unmapped", () => {
    expect(
      propose('FR', [
        ['NameAlias_LastName', 'Saleh', 'Hamidi', 'Petrov'],
        ['BirthDate_BirthDate', '1942-03-21', '1969-07-02', '1981-01-30'],
        ['BirthDate_City', 'Bayt al-Ahmar', 'Kandahar', 'Kaliningrad'],
        ['Address_Street', 'Hadda St 4', 'Wazir Akbar Khan 12', 'Frunzenskaya nab. 22'],
        ['Address_City', 'Sanaa', 'Kandahar', 'Moscow'],
        ['codeCommune', '75056', '13055', '69123'],
      ]),
    ).toEqual({
      mapped: [
        'NameAlias_LastName → subject.familyName',
        'BirthDate_BirthDate → subject.birthDate',
        'Address_Street → subject.addressStreet',
        'Address_City → subject.addressCity',
      ],
      unmapped: ['BirthDate_City', 'codeCommune'],
    });
  });

  it("gives the persons of a sheet of arrests to the suspect, and leaves a police unit's area and a register's founding date unmapped", () => {
    const arrests = (sheet: string) =>
      summary(
        proposeProfile({
          agency: 'X',
          country: 'US',
          sheets: [sheet],
          header: ['Report ID', 'Arrest Date', 'Age', 'Sex Code', 'Area ID', 'Reporting District'],
          samples: [
            ['221204521', '03/14/2024', '34', 'M', '12', '1241'],
            ['221204522', '03/15/2024', '19', 'F', '7', '0745'],
          ],
        }).profile,
      );
    expect(arrests('Arrest_Data_from_2020_to_Present')).toEqual([
      'Report ID → record.caseRef',
      'Arrest Date → record.eventDate',
      'Age → suspect.birthDate',
      'Sex Code → suspect.gender',
    ]);
    // A sheet of another name: the file's person.
    expect(arrests('Contacts')).toEqual([
      'Report ID → record.caseRef',
      'Arrest Date → record.eventDate',
      'Age → subject.birthDate',
      'Sex Code → subject.gender',
    ]);
    expect(
      propose('US', [
        ['ARREST_PRECINCT', '32', '75', '109'],
        ['Beat', '0111', '0624', '1922'],
        ['NAME', 'SMITH, JOHN A', 'GARCIA, MARIA E.', 'NGUYEN, THI LAN'],
        ['dateCreationUniteLegale', '2015-03-01', '1998-11-20', '2020-06-15'],
      ]).unmapped,
    ).toEqual(['ARREST_PRECINCT', 'Beat', 'dateCreationUniteLegale']);
  });

  it('reads a further line of a street address beside its first line as the street, and a first line written in a key', () => {
    expect(
      propose('GB', [
        ['Entity.LegalName', 'NORDIC FREIGHT LIMITED', 'BALT TRADE LIMITED'],
        ['Entity.LegalAddress.FirstAddressLine', '731 Lexington Avenue', '14 Dock Road'],
        ['Entity.LegalAddress.AdditionalAddressLine.1', '', 'Unit 5'],
        ['Entity.LegalAddress.City', 'New York', 'Felixstowe'],
      ]).mapped,
    ).toEqual([
      'Entity.LegalName → employer.fullName',
      'Entity.LegalAddress.FirstAddressLine → employer.addressStreet',
      'Entity.LegalAddress.AdditionalAddressLine.1 → employer.addressStreet',
      'Entity.LegalAddress.City → employer.addressCity',
    ]);
    expect(
      propose('GB', [
        ['Name', 'Chidi Okonkwo', 'Farid Rahimi'],
        ['Address 1', 'Flat 3', '12 Albert Rd'],
        ['Address 2', 'Western Villas', ''],
      ]).mapped,
    ).toEqual(['Name → subject.fullName', 'Address 1 → subject.addressStreet', 'Address 2 → subject.addressStreet']);
    // A second line with no first one beside it says nothing of which part it is: the address.
    expect(propose('GB', [['Address 2', '4 Mill Lane, Leeds', '9 High St, York']]).mapped).toEqual([
      'Address 2 → subject.address',
    ]);
  });

  it("reads Legal Entity Identifiers by their check digits as a firm's document, and a Norwegian organisation number as its tax number", () => {
    expect(
      propose('GB', [
        ['LEI', '5493001KJTIIGC8Y1R12', '529900T8BM49AURSDO55'],
        ['Entity.LegalName', 'Bloomberg Finance L.P.', 'Deutsche Bank Aktiengesellschaft'],
      ]).mapped,
    ).toEqual(['LEI → employer.documentNumber[other]', 'Entity.LegalName → employer.fullName']);
    // Twenty characters whose check digits fail are no LEI.
    expect(propose('GB', [['LEI', '5493001KJTIIGC8Y1R13', '529900T8BM49AURSDO56']]).unmapped).toEqual(['LEI']);
    expect(
      propose('NO', [
        ['organisasjonsnummer', '923609016', '987654321'],
        ['navn', 'FJORD RENHOLD AS', 'NORDLYS VIKAR AS'],
      ]).mapped,
    ).toEqual(['organisasjonsnummer → employer.documentNumber[tax-id]', 'navn → employer.fullName']);
  });

  it("reads a key's document country the same whatever header was read before it", () => {
    // Headers no other test reads, since readings are kept: the first leaves its words' patterns
    // where they stopped.
    expect(
      propose('GB', [
        ['Identification number (national)', '00016161', 'OR801168'],
        ['Identification_Country', 'YE', 'AF'],
      ]).mapped,
    ).toEqual([
      'Identification number (national) → subject.documentNumber',
      'Identification_Country → subject.documentCountry',
    ]);
  });

  it("reads a document's details written in words as a note", () => {
    expect(
      propose('GB', [
        ['Name', 'Ilya Kahn', 'Omar Hamidi'],
        ['Passport Details', 'Russian passport, issued 2015', 'Syrian passport'],
        ['National Identification Details', 'Russian internal passport', ''],
        ['Passport Number', '753112934', 'N0123456'],
      ]).mapped,
    ).toEqual([
      'Name → subject.fullName',
      'Passport Details → record.freeText',
      'National Identification Details → record.freeText',
      'Passport Number → subject.documentNumber[passport]',
    ]);
  });

  it('leaves flags and register numbers in name and address columns unmapped, and reads a label of a country as the country', () => {
    expect(
      propose('FR', [
        ['denominationUsuelleEtablissement', 'RENAULT GUYANCOURT', 'ONGLERIE BELLA'],
        ['caractereEmployeurEtablissement', 'O', 'N'],
        ['etablissementSiege', 'false', 'true'],
        ['nicSiege', '00012', '00015'],
        ['libellePaysEtrangerEtablissement', 'BELGIQUE', ''],
      ]),
    ).toEqual({
      mapped: [
        'denominationUsuelleEtablissement → subject.fullName',
        'libellePaysEtrangerEtablissement → subject.addressCountry',
      ],
      unmapped: ['caractereEmployeurEtablissement', 'etablissementSiege', 'nicSiege'],
    });
  });

  it("gives a register's number in a table named on every column to the thing a row is, and a firm's number elsewhere to the firm", () => {
    expect(
      propose('FR', [
        ['siren', '823456781', '901234561'],
        ['sexeUniteLegale', 'M', 'F'],
        ['prenom1UniteLegale', 'IOAN', 'ANA'],
        ['nomUniteLegale', 'POPESCU', 'DA SILVA'],
        ['sigleUniteLegale', '', 'ADS'],
      ]).mapped,
    ).toEqual([
      'siren → subject.documentNumber[tax-id]',
      'sexeUniteLegale → subject.gender',
      'prenom1UniteLegale → subject.givenName',
      'nomUniteLegale → subject.familyName',
      'sigleUniteLegale → subject.alias',
    ]);
    expect(
      propose('FR', [
        ['siret', '55203253400646', '82345678100015'],
        ['enseigne1Etablissement', 'BATI POPESCU', 'ONGLERIE BELLA'],
        ['numeroVoieEtablissement', '14', '3'],
        ['libelleVoieEtablissement', 'DES LILAS', 'DE BELLEVILLE'],
        ['codePostalEtablissement', '93100', '75011'],
      ]).mapped,
    ).toEqual([
      'siret → venue.documentNumber[tax-id]',
      'enseigne1Etablissement → venue.fullName',
      'numeroVoieEtablissement → venue.addressHouseNumber',
      'libelleVoieEtablissement → venue.addressStreet',
      'codePostalEtablissement → venue.addressPostcode',
    ]);
    // No table's name on the columns: the company number of a list of its controllers is the company's.
    expect(
      propose('GB', [
        ['company_number', '09145678', 'SC512345'],
        ['data.name_elements.forename', 'Andrei', 'Elena'],
        ['data.name_elements.surname', 'Popescu', 'Ionescu'],
      ]).mapped,
    ).toEqual([
      'company_number → employer.documentNumber[tax-id]',
      'data.name_elements.forename → subject.givenName',
      'data.name_elements.surname → subject.familyName',
    ]);
  });

  it("reads a key's former name as an alias and a crime's id as the case's reference", () => {
    expect(
      propose('GB', [
        ['Crime ID', 'a1f09c7e55b2', '7d3e0b9f21aa'],
        ['CompanyName', 'POPESCU HAULAGE LIMITED', 'NORDIC FREIGHT LIMITED'],
        ['PreviousName_1.CompanyName', 'POPESCU TRANSPORT LTD', ''],
      ]).mapped,
    ).toEqual([
      'Crime ID → record.caseRef',
      'CompanyName → employer.fullName',
      'PreviousName_1.CompanyName → employer.alias',
    ]);
  });

  it('leaves a kind of something unmapped whatever its values look like, and still reads roles under a type header', () => {
    expect(
      propose('GB', [
        ['name', 'TIANSHENG INDUSTRY AND TRADING CO., LTD.', 'BALTIC GLOBAL HOLDINGS LIMITED'],
        ['jurisdiction', 'SAM', 'BVI'],
        ['company_type', 'Business Company Limited by Shares', 'Limited Liability Company'],
        ['status', 'Defaulted', 'Active'],
      ]).unmapped,
    ).toContain('company_type');
    expect(
      propose('DE', [
        ['Typ', 'Opfer', 'Beschuldigter', 'Zeugin'],
        ['Name', 'Ana Pop', 'Ion Rusu', 'Eva Lang'],
      ]).mapped,
    ).toEqual(['Typ → subject.role', 'Name → subject.fullName']);
  });

  it('leaves the wording of a code unmapped, and does not read it as a name by its values', () => {
    const { mapped, unmapped } = propose('GB', [
      [
        'name',
        'TIANSHENG INDUSTRY AND TRADING CO., LTD.',
        'SUNRISE ENTERPRISES CO., LTD.',
        'BALTIC GLOBAL HOLDINGS LIMITED',
      ],
      ['jurisdiction', 'SAM', 'SAM', 'BVI'],
      ['jurisdiction_description', 'Samoa', 'Samoa', 'British Virgin Islands'],
      ['status', 'Defaulted', 'Defaulted', 'Active'],
      ['naeringskode1.beskrivelse', 'Utvinning av råolje', 'Malerarbeid', 'Malerarbeid'],
      ['ibcRUC', '25221', '25249', '1712280'],
      ['valid_until', '', ''],
    ]);
    expect(mapped).toEqual(['name → employer.fullName']);
    expect(unmapped).toEqual([
      'jurisdiction',
      'jurisdiction_description',
      'status',
      'naeringskode1.beskrivelse',
      'ibcRUC',
      'valid_until',
    ]);
  });

  it("reads a firm's number in its register as its tax number, and the register's own code as nothing", () => {
    expect(
      propose('GB', [
        ['Entity.LegalName', 'POPESCU LOGISTICS LIMITED', 'NORDIC FREIGHT LIMITED'],
        ['Entity.RegistrationAuthority.RegistrationAuthorityID', 'RA000585', 'RA000665'],
        ['Entity.RegistrationAuthority.RegistrationAuthorityEntityID', '11223344', '09145678'],
        ['Registered number', 'SC512345', '09145678'],
      ]),
    ).toEqual({
      mapped: [
        'Entity.LegalName → employer.fullName',
        'Entity.RegistrationAuthority.RegistrationAuthorityEntityID → employer.documentNumber[tax-id]',
        'Registered number → employer.documentNumber[tax-id]',
      ],
      unmapped: ['Entity.RegistrationAuthority.RegistrationAuthorityID'],
    });
  });

  it('leaves a share or a percentage unmapped, whatever party its header names', () => {
    expect(
      propose('DE', [
        ['Straftat', 'Menschenhandel', 'Zwangsprostitution'],
        ['Tatverdächtige insgesamt', '128', '95'],
        ['Nichtdeutsche Tatverdächtige - Anteil in %', '72,6', '76,4'],
        ['Ownership percentage', '25', '50'],
      ]).unmapped,
    ).toEqual(expect.arrayContaining(['Nichtdeutsche Tatverdächtige - Anteil in %', 'Ownership percentage']));
  });

  it("leaves the 'care of' of an address unmapped", () => {
    expect(
      propose('GB', [
        ['CompanyName', 'POPESCU HAULAGE LIMITED', 'NORDIC FREIGHT LIMITED'],
        ['RegAddress.CareOf', 'SMITH & CO ACCOUNTANTS', ''],
        ['RegAddress.AddressLine1', '14 HIGH STREET', '57 PEPPER ROAD'],
        ['RegAddress.PostTown', 'LEEDS', 'HULL'],
      ]),
    ).toEqual({
      mapped: [
        'CompanyName → employer.fullName',
        'RegAddress.AddressLine1 → employer.addressStreet',
        'RegAddress.PostTown → employer.addressCity',
      ],
      unmapped: ['RegAddress.CareOf'],
    });
  });

  it("reads a post office box as the address of the file's party, not as an Italian victim's 'PO'", () => {
    expect(
      propose('GB', [
        ['CompanyName', 'POPESCU HAULAGE LIMITED', 'NORDIC FREIGHT LIMITED'],
        ['RegAddress.POBox', 'PO BOX 112', ''],
      ]).mapped,
    ).toEqual(['CompanyName → employer.fullName', 'RegAddress.POBox → employer.address']);
    expect(propose('IT', [['PO telefono', '+39 333 123 4567', '+39 347 765 4321']]).mapped).toEqual([
      'PO telefono → victim.phone',
    ]);
  });
});
