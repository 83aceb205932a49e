package dev.gatehouse;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@EnableAsync
public class GatehouseApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatehouseApplication.class);
        application.addListeners(new DatabaseStartupCheck(true));
        application.run(args);
    }
}
