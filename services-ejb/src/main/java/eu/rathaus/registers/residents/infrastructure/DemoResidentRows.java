package eu.rathaus.registers.residents.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;

/**
 * Writes demo residents (platform scope, demo mode only): named ones with fixed ids and a number of
 * generated ones with ids derived from municipality and number, so every statement can run again
 * without adding anything twice.
 */
@ApplicationScoped
public class DemoResidentRows {

  @PersistenceContext(unitName = "rathaus")
  EntityManager em;

  /** A named resident; {@code eidPseudonym} may be null. */
  public void person(
      UUID id,
      UUID municipality,
      String givenNames,
      String familyName,
      String birthDate,
      String birthPlace,
      String eidPseudonym) {
    em.createNativeQuery(
            "insert into resident (id, municipality_id, given_names, family_name, birth_date, birth_place,"
                + " eid_pseudonym) values (?1, ?2, ?3, ?4, cast(?5 as date), ?6, nullif(?7, '')) on conflict do nothing")
        .setParameter(1, id)
        .setParameter(2, municipality)
        .setParameter(3, givenNames)
        .setParameter(4, familyName)
        .setParameter(5, birthDate)
        .setParameter(6, birthPlace)
        .setParameter(7, eidPseudonym == null ? "" : eidPseudonym)
        .executeUpdate();
  }

  /** An address; {@code movedOut} null for a current one. The id comes from resident and date. */
  public void address(
      UUID resident,
      UUID municipality,
      String street,
      String houseNumber,
      String postcode,
      String town,
      String movedIn,
      String movedOut) {
    var insert =
        em.createNativeQuery(
            "insert into resident_address (id, municipality_id, resident_id, street, house_number, postcode,"
                + " town, moved_in, moved_out, residence)"
                + " values (md5(?2 || ?6)::uuid, ?1, ?2, ?3, ?4, ?5, ?7, cast(?6 as date), "
                + (movedOut == null ? "null" : "cast(?8 as date)")
                + ", 'MAIN') on conflict do nothing");
    if (movedOut != null) {
      insert.setParameter(8, movedOut);
    }
    insert
        .setParameter(1, municipality)
        .setParameter(2, resident)
        .setParameter(3, street)
        .setParameter(4, houseNumber)
        .setParameter(5, postcode)
        .setParameter(6, movedIn)
        .setParameter(7, town)
        .executeUpdate();
  }

  public void household(UUID municipality, UUID resident, UUID member, String relation) {
    em.createNativeQuery(
            "insert into resident_household (municipality_id, resident_id, member_id, relation)"
                + " values (?1, ?2, ?3, ?4) on conflict do nothing")
        .setParameter(1, municipality)
        .setParameter(2, resident)
        .setParameter(3, member)
        .setParameter(4, relation)
        .executeUpdate();
  }

  /**
   * {@code count} generated residents of one town (every 40th with an Auskunftssperre), each with a
   * current main residence and every third with a past one; returns how many were new.
   */
  public int generated(UUID municipality, String postcode, String town, int count) {
    String ids = "md5(?1 || ':demo-resident:' || n)::uuid";
    int added =
        em.createNativeQuery(
                "insert into resident (id, municipality_id, given_names, family_name, birth_date, birth_place)"
                    + " select "
                    + ids
                    + ", cast(?1 as uuid),"
                    + " (array['Anna','Ben','Clara','David','Elif','Felix','Greta','Hannes','Ida','Jonas',"
                    + "   'Katharina','Leon','Mira','Noah','Olga','Paul','Quirin','Rosa','Samuel','Tanja',"
                    + "   'Ugur','Vera','Wolfgang','Yasmin','Zoe'])[1 + n % 25],"
                    + " (array['Schmidt','Becker','Yilmaz','Hoffmann','Wagner','Nowak','Fischer','Weber',"
                    + "   'Schulz','Keller','Richter','Wolf','Neumann','Schwarz','Zimmermann','Braun',"
                    + "   'Krüger','Hartmann','Lange','Kowalski','Werner','Krause','Meier','Lehmann',"
                    + "   'Walter','Peters','Köhler','Maier','König','Huber','Kaiser'])[1 + (n * 7) % 31],"
                    + " date '1935-01-01' + (n * 131) % 31000,"
                    + " (array['Nürnberg','Hamburg','Leipzig','Ankara','Krakau','Dresden','Bremen'])[1 + n % 7]"
                    + " from generate_series(1, ?2) n on conflict do nothing")
            .setParameter(1, municipality.toString())
            .setParameter(2, count)
            .executeUpdate();
    em.createNativeQuery(
            "insert into resident_address (id, municipality_id, resident_id, street, house_number, postcode,"
                + " town, moved_in, residence)"
                + " select md5(?1 || ':demo-address:' || n)::uuid, cast(?1 as uuid), "
                + ids
                + ","
                + " (array['Hauptstraße','Bahnhofstraße','Schulweg','Am Anger','Birkenallee','Mühlgasse',"
                + "   'Kirchplatz','Rosenstraße','Ringstraße','Gartenweg'])[1 + n % 10],"
                + " (1 + n % 48)::text, ?3, ?4, date '2000-01-01' + (n * 37) % 9000, 'MAIN'"
                + " from generate_series(1, ?2) n on conflict do nothing")
        .setParameter(1, municipality.toString())
        .setParameter(2, count)
        .setParameter(3, postcode)
        .setParameter(4, town)
        .executeUpdate();
    em.createNativeQuery(
            "insert into resident_address (id, municipality_id, resident_id, street, house_number, postcode,"
                + " town, moved_in, moved_out, residence)"
                + " select md5(?1 || ':demo-past:' || n)::uuid, cast(?1 as uuid), "
                + ids
                + ", 'Alte Dorfstraße', (1 + n % 20)::text, '90402', 'Nürnberg',"
                + " date '1990-01-01' + (n * 11) % 3000, date '2000-01-01' + (n * 37) % 9000, 'MAIN'"
                + " from generate_series(1, ?2) n where n % 3 = 0 on conflict do nothing")
        .setParameter(1, municipality.toString())
        .setParameter(2, count)
        .executeUpdate();
    em.createNativeQuery(
            "insert into resident_block (id, municipality_id, resident_id, kind, reason, since)"
                + " select md5(?1 || ':demo-block:' || n)::uuid, cast(?1 as uuid), "
                + ids
                + ", 'AUSKUNFTSSPERRE', 'Demo: Gefahr für Leben und Gesundheit glaubhaft gemacht (§ 51 BMG)',"
                + " date '2020-01-01' from generate_series(1, ?2) n where n % 40 = 0 on conflict do nothing")
        .setParameter(1, municipality.toString())
        .setParameter(2, count)
        .executeUpdate();
    return added;
  }
}
