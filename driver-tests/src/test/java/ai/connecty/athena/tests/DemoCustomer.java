package ai.connecty.athena.tests;

import java.time.LocalDate;

/**
 * A row of demo.customers as a bean, for the data-access libraries that fill beans by column name (Spring's
 * BeanPropertyRowMapper, MyBatis' resultMap and mapUnderscoreToCamelCase, JDBI's mapToBean and bindBean): signup_date
 * goes to signupDate.
 */
public class DemoCustomer {
    private int id;
    private String name;
    private String country;
    private LocalDate signupDate;
    private String email;

    public int getId() {
        return id;
    }

    public void setId(int id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public LocalDate getSignupDate() {
        return signupDate;
    }

    public void setSignupDate(LocalDate signupDate) {
        this.signupDate = signupDate;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
