import { describe, expect, it } from 'vitest';
import { propose } from '../support/proposals';

// Sheets where one row names several parties, whose words the proposal did not read before a
// blind set of such sheets (bench/mapping/dev14.json) was scored: a hotel's guest, its booker and
// the hotel; a driver in Turkish; an Albanian defendant and witness; a Jordanian case file.
describe('reading whose column it is in sheets of several parties', () => {
  it("keeps a hotel's guest, the one who booked the room and the hotel apart", () => {
    expect(
      propose('GB', [
        ['Booking ref', 'HX-558120', 'HX-558344'],
        ['Hotel', 'Travelodge Slough Central', 'Airport Lodge Heathrow'],
        ['Hotel postcode', 'SL1 1XY', 'UB7 0JU'],
        ['Lead guest name', 'Emily Carter', 'Roxana Ilie'],
        ['Guest DOB', '14/02/2008', '30/06/2003'],
        ['Booked by', 'Mr J. Reid', 'Andrei Ilie'],
        ['Booker email', 'jreid.bookings@example.com', 'andrei.il@example.ro'],
        ['Booker mobile', '07700 900660', '+40 755 123 987'],
      ]).mapped,
    ).toEqual(
      expect.arrayContaining([
        'Hotel → venue(venue).fullName',
        'Hotel postcode → venue(venue).addressPostcode',
        'Lead guest name → subject(subject).fullName',
        'Guest DOB → subject(subject).birthDate',
        'Booked by → associate(associate).fullName',
        'Booker email → associate(associate).email',
        'Booker mobile → associate(associate).phone',
      ]),
    );
  });

  it("reads an Italian guest register's booker (prenotante) as a party of its own", () => {
    expect(
      propose('IT', [
        ['Cognome ospite', 'Rossi', 'Popa'],
        ['Nome ospite', 'Giulia', 'Elena'],
        ['Prenotazione effettuata da', 'Marco Bianchi', 'Ion Popa'],
        ['Email prenotante', 'm.bianchi@example.it', 'ion.popa@example.ro'],
        ['Telefono prenotante', '347 123 4567', '+40 722 111 222'],
      ]).mapped,
    ).toEqual(
      expect.arrayContaining([
        'Prenotazione effettuata da → associate(associate).fullName',
        'Email prenotante → associate(associate).email',
        'Telefono prenotante → associate(associate).phone',
      ]),
    );
  });

  it('gives a Turkish driver (Sürücü) and an Albanian defendant and witness their own parties', () => {
    expect(
      propose('TR', [
        ['Göçmen Adı Soyadı', 'Ahmad Karimi', 'Reza Ahmadi'],
        ['Sürücü Adı Soyadı', 'Mehmet Yılmaz', 'Ali Demir'],
      ]).mapped,
    ).toContain('Sürücü Adı Soyadı → driver(driver).fullName');
    expect(
      propose('AL', [
        ['I pandehuri (emër mbiemër)', 'Arben Gashi', 'Ilir Hoxha'],
        ['Datëlindja e të pandehurit', '12.04.1985', '03.11.1990'],
        ['Dëshmitari', 'Besnik Krasniqi', 'Elona Berisha'],
      ]).mapped,
    ).toEqual([
      'I pandehuri (emër mbiemër) → suspect(suspect).fullName',
      'Datëlindja e të pandehurit → suspect(suspect).birthDate',
      'Dëshmitari → witness(witness).fullName',
    ]);
  });

  it("reads a Jordanian case file in Arabic: the victim's, the accused's, the employer's and the recruitment office's columns", () => {
    expect(
      propose('JO', [
        ['رقم القضية', '2025/118', '2025/131'],
        ['اسم الضحية', 'ماري جوي سانتوس', 'أمينة بيغوم'],
        ['جنسية الضحية', 'فلبينية', 'بنغالية'],
        ['رقم جواز سفر الضحية', 'P4412987A', 'A04471230'],
        ['اسم المشتكى عليه', 'خالد محمود العلي', 'سامر يوسف حداد'],
        ['هاتف المشتكى عليه', '0791234567', '0777654321'],
        ['صاحب العمل', 'مصنع النور للألبسة', 'أسرة العلي'],
        ['مكتب الاستقدام', 'مكتب الأمل للاستقدام', 'مكتب الشرق'],
        ['ملاحظات', 'حجز جواز السفر', 'ساعات عمل طويلة'],
      ]).mapped,
    ).toEqual([
      'رقم القضية → record.caseRef',
      'اسم الضحية → victim(victim).fullName',
      'جنسية الضحية → victim(victim).nationality',
      'رقم جواز سفر الضحية → victim(victim).documentNumber[passport]',
      'اسم المشتكى عليه → suspect(suspect).fullName',
      'هاتف المشتكى عليه → suspect(suspect).phone',
      'صاحب العمل → employer(employer).fullName',
      'مكتب الاستقدام → recruitment-agency(recruitment-agency).fullName',
      'ملاحظات → record.freeText',
    ]);
  });

  it("reads an Italian money transfer's sender (mittente) and a helpline's caller (contact made by)", () => {
    expect(
      propose('IT', [
        ['Cognome mittente', 'OSAGIE', 'EDOSA'],
        ['Nome mittente', 'Joy', 'Faith'],
        ['Cognome beneficiario', 'IYAMU', 'OMOREGIE'],
        ['Nome beneficiario', 'Gladys', 'Osas'],
      ]).mapped,
    ).toEqual([
      'Cognome mittente → originator(account-holder).familyName',
      'Nome mittente → originator(account-holder).givenName',
      'Cognome beneficiario → beneficiary(account-holder).familyName',
      'Nome beneficiario → beneficiary(account-holder).givenName',
    ]);
    expect(
      propose('IE', [
        ['Contact made by', 'Fr. Tom Quinn', 'Aoife Byrne'],
        ['Person at risk - name', 'Rodel Santos', 'Rosemarie Dela Cruz'],
      ]).mapped,
    ).toContain('Contact made by → reporter(reporter).fullName');
  });

  it("names the landlord beside the lodging they let, and keeps a landlord's address an address", () => {
    const landlord = (country: string, header: string) =>
      propose(country, [
        ['Worker name', 'Ion Popa', 'Maria Ilie'],
        [header, 'Gary Smith', 'Janet Doyle'],
      ]).mapped[1];
    expect([
      landlord('GB', 'Landlord (accommodation)'),
      landlord('DE', 'Vermieter Unterkunft'),
      landlord('IT', 'Proprietario alloggio'),
    ]).toEqual([
      'Landlord (accommodation) → landlord(landlord).fullName',
      'Vermieter Unterkunft → landlord(landlord).fullName',
      'Proprietario alloggio → landlord(landlord).fullName',
    ]);
    expect(
      propose('GB', [
        ['Worker name', 'Ion Popa', 'Maria Ilie'],
        ['Landlord address', '12 High Street, Wisbech PE13 1AA', '4 Mill Lane, Boston PE21 6AA'],
      ]).mapped[1],
    ).toBe('Landlord address → landlord(landlord).address');
  });

  it("reads a German lending agency (Verleiher), who drove the workers, and a Turkish driver's licence (ehliyet)", () => {
    expect(
      propose('DE', [
        ['Name AN', 'Popa, Ion', 'Ilie, Maria'],
        ['Verleiher', 'Personal Plus s.r.l.', 'Muncă Bună SRL'],
      ]).mapped,
    ).toContain('Verleiher → recruitment-agency(recruitment-agency).fullName');
    expect(
      propose('GB', [
        ['Worker name', 'Ion Popa', 'Maria Ilie'],
        ['Driven to site by', 'Marius Lungu', 'Marius Lungu'],
      ]).mapped,
    ).toContain('Driven to site by → driver(driver).fullName');
    expect(
      propose('TR', [
        ['Sürücü Adı Soyadı', 'Mehmet Yılmaz', 'Ali Demir'],
        ['Sürücü Ehliyet No', '123456', '654321'],
      ]).mapped,
    ).toContain('Sürücü Ehliyet No → driver(driver).documentNumber[driving-licence]');
  });
});
