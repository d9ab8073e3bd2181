# Runs the command-side jar built by Maven (mvn -DskipTests package); no build tools in the image.
FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 duban
WORKDIR /app
COPY command-side/target/command-side-*-exec.jar /app/command-side.jar
USER duban
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/command-side.jar"]
